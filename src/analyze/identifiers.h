// Identifiers joined by underscores (find_package, CMAKE_BUILD_TYPE, __init__, O_APPEND): the
// tokenizer splits them into their words, which find them loosely; these whole terms, indexed
// beside the words and searched beside them, find them exactly.
#pragma once

#include "analyze/tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// Each run of ASCII letters, digits and underscores in `text` that holds an underscore and a
/// letter or digit, as one token: its text lower-cased, its byte range, and the position of the
/// first word of `words` (tokenize(text)) inside it, so phrases and proximity are unchanged.
[[nodiscard]] std::vector<Token> identifier_tokens(std::string_view text, const std::vector<Token>& words);

/// A long option (--no-verify) is one too, kept in identifier form: "__no_verify", which a
/// query parser reads as one word where "--no-verify" would be an exclusion.
[[nodiscard]] std::string long_option_term(std::string_view option);

/// True when `word` (a query word) is such an identifier.
[[nodiscard]] bool is_identifier(std::string_view word);

} // namespace kosh
