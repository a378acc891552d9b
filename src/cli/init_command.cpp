// `kosh init`: makes a folder a project, whose index kosh finds from anywhere inside it.
#include "cli/init_command.h"

#include "cli/common.h"
#include "cli/index_location.h"
#include "util/error.h"
#include "util/path_forms.h"

#include <fmt/format.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace kosh::cli {

int run_init_command(const InitOptions& options)
{
    std::error_code error;
    if (!fs::is_directory(options.folder, error)) {
        throw Fatal(fmt::format("{}: no such folder", options.folder));
    }
    const fs::path project = fs::path(options.folder) / ".kosh";
    const PathForms paths = PathForms::of_process();
    const std::string shown = paths.shown(absolute_path(project.string()));
    if (fs::is_directory(project, error)) {
        fmt::print("{} already exists: kosh in and below {} uses its index\n", shown,
                   paths.shown(absolute_path(options.folder)));
        return k_exit_found;
    }
    if (!fs::create_directory(project, error) || error) {
        throw Fatal(fmt::format("{}: cannot make the folder: {}", shown, error.message()));
    }
    fmt::print("made {}: kosh run in this folder or below now uses its index ({}/index); "
               "'kosh index PATH...' fills it\n",
               shown, shown);
    return k_exit_found;
}

} // namespace kosh::cli
