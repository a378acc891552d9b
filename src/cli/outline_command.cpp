// `kosh outline`: print the heading tree a file parses into.
#include "cli/outline_command.h"

#include "cli/common.h"
#include "output/outline_printer.h"
#include "output/terminal.h"
#include "parse/parser.h"
#include "util/decompress.h"
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
        auto unpacked =
            content ? unpack_by_name(path, std::move(*content)) : Expected<Unpacked>::failure(content.error());
        auto text = unpacked ? to_utf8(std::move(unpacked->bytes)) : Expected<std::string>::failure(unpacked.error());
        if (!text) {
            fmt::print(stderr, "kosh: {}: {}\n", sanitize_line_for_terminal(path), text.error());
            failed = true;
            continue;
        }
        if (options.files.size() > 1) {
            fmt::print("{}==> {} <==\n", i == 0 ? "" : "\n", sanitize_line_for_terminal(path));
        }
        const Document document = parse_document(*text, path, unpacked->name);
        for (const std::string& warning : document.warnings) {
            warn(fmt::format("{}: {}", path, warning));
        }
        fmt::print("{}", sanitize_for_terminal(format_outline(document)));
    }
    return failed ? k_exit_error : k_exit_found;
}

} // namespace kosh::cli
