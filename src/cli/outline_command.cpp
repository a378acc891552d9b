// `kosh outline`: print the heading tree a file parses into.
#include "cli/outline_command.h"

#include "cli/common.h"
#include "output/outline_printer.h"
#include "output/terminal.h"
#include "parse/parser.h"
#include "util/error.h"
#include "util/file_io.h"

#include <fmt/format.h>

namespace kosh::cli {

int run_outline_command(const OutlineOptions& options)
{
    bool failed = false;
    for (std::size_t i = 0; i < options.files.size(); ++i) {
        const std::string& path = options.files[i];
        auto content = read_file(path);
        std::string problem = content ? check_text(*content) : content.error();
        if (!problem.empty()) {
            fmt::print(stderr, "kosh: {}: {}\n", sanitize_line_for_terminal(path), problem);
            failed = true;
            continue;
        }
        if (options.files.size() > 1) {
            fmt::print("{}==> {} <==\n", i == 0 ? "" : "\n", sanitize_line_for_terminal(path));
        }
        const Document document = parse_document(*content, path);
        for (const std::string& warning : document.warnings) {
            warn(fmt::format("{}: {}", path, warning));
        }
        fmt::print("{}", sanitize_for_terminal(format_outline(document)));
    }
    return failed ? k_exit_error : k_exit_found;
}

} // namespace kosh::cli
