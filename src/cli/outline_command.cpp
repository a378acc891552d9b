// `kosh outline`: print the heading tree a file parses into.
#include "cli/outline_command.h"

#include "cli/common.h"
#include "output/outline_printer.h"
#include "output/terminal.h"
#include "parse/parser.h"
#include "util/decompress.h"
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
        auto unpacked =
            content ? unpack_by_name(path, std::move(*content)) : Expected<Unpacked>::failure(content.error());
        auto document = unpacked ? read_document(std::move(unpacked->bytes), path, unpacked->name)
                                 : Expected<Document>::failure(unpacked.error());
        if (!document) {
            fmt::print(stderr, "kosh: {}: {}\n", sanitize_line_for_terminal(path), document.error());
            failed = true;
            continue;
        }
        if (options.files.size() > 1) {
            fmt::print("{}==> {} <==\n", i == 0 ? "" : "\n", sanitize_line_for_terminal(path));
        }
        for (const std::string& warning : document->warnings) {
            warn(fmt::format("{}: {}", path, warning));
        }
        fmt::print("{}", sanitize_for_terminal(format_outline(*document)));
    }
    return failed ? k_exit_error : k_exit_found;
}

} // namespace kosh::cli
