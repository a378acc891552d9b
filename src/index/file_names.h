// The names a source file goes by inside an index: its own term, its path-filter terms, and the
// metadata key of what the index remembers about it.
#pragma once

#include <string>
#include <vector>

namespace kosh {

/// The boolean terms that let `path:` find a file by its path or by any folder above it.
[[nodiscard]] std::vector<std::string> path_terms(const std::string& path);

/// The term that identifies all of one file's passages, for replacing or deleting them.
[[nodiscard]] std::string file_term(const std::string& path);

/// The metadata key of a file's FileState: the path itself, or a hash of a path too long for a key.
[[nodiscard]] std::string file_state_key(const std::string& path);

} // namespace kosh
