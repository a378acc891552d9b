// Renders `kosh stats`: the figures of an index as text for people or one JSON object.
#pragma once

#include "index/index_stats.h"

#include <string>

namespace kosh {

/// One figure a line: "files:        12".
[[nodiscard]] std::string format_stats_text(const IndexStats& stats);

/// One JSON object on one line, ending in '\n'; its fields are documented in the man page.
[[nodiscard]] std::string format_stats_json(const IndexStats& stats);

} // namespace kosh
