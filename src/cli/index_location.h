// Where the index is, found as git finds a repository: --index or $KOSH_INDEX; else the nearest
// project (a folder holding .kosh/) at or above the current folder; else the user's own index.
#pragma once

#include "cli/config_file.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kosh::cli {

/// The nearest folder at or above `directory` that holds a `.kosh` folder, searched no higher
/// than $HOME when `directory` is inside it.
[[nodiscard]] std::optional<std::filesystem::path> find_project(const EnvironmentLookup& environment,
                                                                const std::filesystem::path& directory);

/// The project index inside a project folder.
[[nodiscard]] std::filesystem::path project_index(const std::filesystem::path& project);

/// The folder of the user's own indexes: $XDG_DATA_HOME/kosh, else ~/.local/share/kosh; empty
/// when neither can be known.
[[nodiscard]] std::filesystem::path user_index_folder(const EnvironmentLookup& environment);

/// The index folder to use. `given` is the --index value (empty when not given); it, then
/// $KOSH_INDEX, is taken as a folder, or "@NAME" as the user's index NAME. Without either, the
/// nearest project's index, else the user's index "default". Throws Fatal when none can be known.
[[nodiscard]] std::filesystem::path locate_index(const std::string& given, const EnvironmentLookup& environment,
                                                 const std::filesystem::path& directory);

} // namespace kosh::cli
