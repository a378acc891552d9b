// The same passage text in several files (one manual installed under several names, a README
// copied into two packages) is shown once.
#pragma once

#include "search/result.h"

#include <cstddef>
#include <vector>

namespace kosh {

/// Which of `hits` (best first) to keep, in order: of the hits sharing one text, one, at the
/// place of the best-ranked; it is the best-scoring, and of equal scores the one with the
/// shortest path, as a page's own name is usually its shortest (ls(1), not dir(1) or vdir(1)).
[[nodiscard]] std::vector<std::size_t> distinct_passages(const std::vector<PassageHit>& hits);

} // namespace kosh
