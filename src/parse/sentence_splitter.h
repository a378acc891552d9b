// Splits prose into sentences, as byte ranges of the text it was given.
#pragma once

#include "util/byte_span.h"

#include <string_view>
#include <vector>

namespace kosh {

/// Sentence boundaries: '.', '!' or '?' (with any closing quotes or brackets) followed by
/// whitespace and then something that can open a sentence, except after common abbreviations
/// ("Dr.", "e.g.") and single-letter initials. Each span is trimmed of surrounding whitespace.
/// FIXME: UAX #29 sentence rules would cover more scripts: https://unicode.org/reports/tr29/
[[nodiscard]] std::vector<ByteSpan> split_sentences(std::string_view text);

/// The sentences of the prose of `text`: split_sentences of each stretch outside the `code` spans
/// (see Paragraph::code), as ranges of all of `text`. Code lines are not sentences, and a
/// sentence never runs into or across a code block.
[[nodiscard]] std::vector<ByteSpan> split_prose_sentences(std::string_view text, const std::vector<ByteSpan>& code);

} // namespace kosh
