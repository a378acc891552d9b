// Renders a parsed document's heading tree as text, for `kosh outline`.
#pragma once

#include "parse/document.h"

#include <string>

namespace kosh {

/// The heading tree, one heading per line ending in '\n', indented two spaces per level below 1.
/// When the document has no level-1 heading its title (the file stem) is printed first at
/// column 0. A heading that skips levels (a level 4 directly under a level 2) is printed at its
/// own level's indentation, so the indentation always tells the level as parsed.
[[nodiscard]] std::string format_outline(const Document& document);

} // namespace kosh
