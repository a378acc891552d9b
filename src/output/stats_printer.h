// Renders `kosh stats`: the figures of an index as text for people or one JSON object.
#pragma once

#include "index/index_stats.h"
#include "util/path_forms.h"

#include <string>

namespace kosh {

/// One figure a line: "files:        12", then a line per root; paths shown in `paths`' forms.
[[nodiscard]] std::string format_stats_text(const IndexStats& stats, const PathForms& paths);

/// One JSON object on one line, ending in '\n'; its fields are documented in the man page.
[[nodiscard]] std::string format_stats_json(const IndexStats& stats, const PathForms& paths);

/// A line per root: its path, its file count, and whether it is missing (`kosh index --list`).
[[nodiscard]] std::string format_roots_text(const std::vector<RootStats>& roots, const PathForms& paths);

/// One JSON object a line per root: {"path", "absolute_path", "files", "missing"}.
[[nodiscard]] std::string format_roots_json(const std::vector<RootStats>& roots, const PathForms& paths);

} // namespace kosh
