// reStructuredText inline markup reduced to the text a reader of the rendered page sees.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace kosh {

/// Substitution names ("|name|") and the text their `replace::` definitions give them.
using RestSubstitutions = std::unordered_map<std::string, std::string>;

/// Removes reST inline markup from `text` following docutils' recognition rules (a start-string
/// follows white space or opening punctuation, an end-string precedes white space or closing
/// punctuation): ``literal`` -> literal, *em* and **strong** -> their text, `:func:\`open\`` ->
/// open, `:ref:\`text <label>\`` and `` `text <url>`_ `` -> text, `name_` -> name, `[1]_`
/// footnote references dropped, `|sub|` -> its replacement (or its name), backslash escapes
/// resolved. Markup without a valid end stays as it is. Every '\n' of `text` is kept, so a
/// paragraph keeps one line per source line. Linear in the size of `text`.
[[nodiscard]] std::string strip_rest_inline(std::string_view text, const RestSubstitutions& substitutions = {});

/// The key a substitution name is looked up by: white space collapsed, ASCII lower-cased.
[[nodiscard]] std::string rest_substitution_key(std::string_view name);

} // namespace kosh
