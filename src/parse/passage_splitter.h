// Turns a document's paragraphs into passages of a size that ranks well.
#pragma once

#include "parse/document.h"

#include <vector>

namespace kosh {

struct PassageLimits {
    int max_words = 200; // longer paragraphs are split at sentence boundaries
    int min_words = 12;  // shorter ones join the next paragraph of the same section
};

/// Long paragraphs are cut into pieces of about `max_words` at sentence boundaries, and code
/// (Paragraph::code) only between its lines; short ones are merged forward within one section,
/// so a lone "Example:" line does not become a passage. Line ranges, heading paths and code
/// spans are kept exact: a code span moves with its text.
[[nodiscard]] std::vector<Paragraph> split_passages(const Document& document, const PassageLimits& limits = {});

} // namespace kosh
