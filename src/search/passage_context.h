// The passages around a result in its own file: `-C N` shows N before and after it, as `rg -C`
// does, and a passage that ends by introducing what follows ("...like this:") brings the next.
#pragma once

#include "search/result.h"

#include <xapian.h>

#include <string_view>

namespace kosh {

/// True when `text` ends by announcing what comes next: a final ':' ("::" in reST), or "as
/// follows" / "for example" / "the following" at its end.
[[nodiscard]] bool introduces_what_follows(std::string_view text);

/// Fills each passage's `before` and `after` from its file in `db`: `around` passages on each
/// side, and at least the next one when the passage introduces what follows.
void add_passage_context(QuestionResult& result, const Xapian::Database& db, int around);

} // namespace kosh
