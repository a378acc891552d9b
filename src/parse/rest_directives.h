// What the reStructuredText reader does with each directive ("..  name::"), by name.
#pragma once

#include <string>
#include <string_view>

namespace kosh {

enum class DirectiveKind {
    drop,      // nothing of it is text: toctree, index, include, image, raw, autodoc...
    code,      // its content is code: code-block, code, sourcecode, parsed-literal, math...
    labelled,  // an admonition without a title argument: "Note: ..."
    titled,    // an admonition whose argument is its label: admonition, topic, sidebar
    versioned, // versionadded and kin: "New in version 3.2: ..."
    object,    // a Sphinx object description: the signature is code, the body text
    argument,  // its argument is a line of text: rubric, centered
    keep_body, // the directive line goes, the body stays text: only, figure, unknown names
};

/// How to read a directive called `name` (case-insensitive, with or without a Sphinx domain
/// such as "py:" or "c:").
[[nodiscard]] DirectiveKind directive_kind(std::string_view name);

/// The label a labelled directive's text starts with: "note" -> "Note", "seealso" -> "See also".
[[nodiscard]] std::string directive_label(std::string_view name);

/// The label of a versioned directive for `version`: "New in version 3.2".
[[nodiscard]] std::string version_label(std::string_view name, std::string_view version);

} // namespace kosh
