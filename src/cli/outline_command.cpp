// `kosh outline`: print the heading tree a file parses into.
#include "cli/outline_command.h"

#include "cli/common.h"
#include "output/outline_printer.h"
#include "output/terminal.h"
#include "parse/parser.h"
#include "util/error.h"
#include "util/file_io.h"
#include "util/text_encoding.h"

#include <fmt/format.h>

namespace kosh::cli {

int run_outline_command(const OutlineOptions& options)
{
    bool failed = false;
    for (std::size_t i = 0; i < options.files.size(); ++i) {
        const std::string& path = options.files[i];
        auto content = read_file(path);
        auto text = content ? to_utf8(std::move(*content)) : Expected<std::string>::failure(content.error());
        if (!text) {
            fmt::print(stderr, "kosh: {}: {}\n", sanitize_line_for_terminal(path), text.error());
            failed = true;
            continue;
        }
        if (options.files.size() > 1) {
            fmt::print("{}==> {} <==\n", i == 0 ? "" : "\n", sanitize_line_for_terminal(path));
        }
        const Document document = parse_document(*text, path);
        for (const std::string& warning : document.warnings) {
            warn(fmt::format("{}: {}", path, warning));
        }
        fmt::print("{}", sanitize_for_terminal(format_outline(document)));
    }
    return failed ? k_exit_error : k_exit_found;
}

} // namespace kosh::cli
