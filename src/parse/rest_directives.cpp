// What the reStructuredText reader does with each directive ("..  name::"), by name.
#include "parse/rest_directives.h"

#include "util/ascii.h"

#include <algorithm>
#include <array>

namespace kosh {

namespace {

struct NamedKind {
    std::string_view name;
    DirectiveKind kind;
};

// docutils' own directives and the Sphinx ones common in project documentation. A name not
// listed keeps its body as text (a directive kosh does not know is more likely to hold prose
// than markup) unless it carries a domain prefix, which marks a Sphinx object description.
constexpr std::array k_kinds = {
    NamedKind{"toctree", DirectiveKind::drop},
    NamedKind{"index", DirectiveKind::drop},
    NamedKind{"include", DirectiveKind::drop},
    NamedKind{"literalinclude", DirectiveKind::drop},
    NamedKind{"raw", DirectiveKind::drop},
    NamedKind{"image", DirectiveKind::drop},
    NamedKind{"contents", DirectiveKind::drop},
    NamedKind{"sectnum", DirectiveKind::drop},
    NamedKind{"section-numbering", DirectiveKind::drop},
    NamedKind{"highlight", DirectiveKind::drop},
    NamedKind{"highlightlang", DirectiveKind::drop},
    NamedKind{"default-role", DirectiveKind::drop},
    NamedKind{"default-domain", DirectiveKind::drop},
    NamedKind{"meta", DirectiveKind::drop},
    NamedKind{"kernel-doc", DirectiveKind::drop},
    NamedKind{"kernel-abi", DirectiveKind::drop},
    NamedKind{"kernel-feat", DirectiveKind::drop},
    NamedKind{"kernel-include", DirectiveKind::drop},
    NamedKind{"kernel-figure", DirectiveKind::drop},
    NamedKind{"kernel-render", DirectiveKind::drop},
    NamedKind{"tabularcolumns", DirectiveKind::drop},
    NamedKind{"target-notes", DirectiveKind::drop},
    NamedKind{"header", DirectiveKind::drop},
    NamedKind{"footer", DirectiveKind::drop},
    NamedKind{"title", DirectiveKind::drop},
    NamedKind{"role", DirectiveKind::drop},
    NamedKind{"class", DirectiveKind::object},
    NamedKind{"rst-class", DirectiveKind::drop},
    NamedKind{"cssclass", DirectiveKind::drop},
    NamedKind{"module", DirectiveKind::drop},
    NamedKind{"currentmodule", DirectiveKind::drop},
    NamedKind{"program", DirectiveKind::drop},
    NamedKind{"moduleauthor", DirectiveKind::drop},
    NamedKind{"sectionauthor", DirectiveKind::drop},
    NamedKind{"codeauthor", DirectiveKind::drop},
    NamedKind{"testsetup", DirectiveKind::drop},
    NamedKind{"testcleanup", DirectiveKind::drop},
    NamedKind{"audit-event", DirectiveKind::drop},
    NamedKind{"audit-event-table", DirectiveKind::drop},
    NamedKind{"graphviz", DirectiveKind::drop},
    NamedKind{"digraph", DirectiveKind::drop},
    NamedKind{"graph", DirectiveKind::drop},
    NamedKind{"plot", DirectiveKind::drop},
    NamedKind{"inheritance-diagram", DirectiveKind::drop},
    NamedKind{"namespace", DirectiveKind::drop},
    NamedKind{"namespace-push", DirectiveKind::drop},
    NamedKind{"namespace-pop", DirectiveKind::drop},
    NamedKind{"unicode", DirectiveKind::drop},
    NamedKind{"date", DirectiveKind::drop},
    NamedKind{"replace", DirectiveKind::drop},
    NamedKind{"code-block", DirectiveKind::code},
    NamedKind{"code", DirectiveKind::code},
    NamedKind{"sourcecode", DirectiveKind::code},
    NamedKind{"parsed-literal", DirectiveKind::code},
    NamedKind{"math", DirectiveKind::code},
    NamedKind{"productionlist", DirectiveKind::code},
    NamedKind{"doctest", DirectiveKind::code},
    NamedKind{"testcode", DirectiveKind::code},
    NamedKind{"testoutput", DirectiveKind::code},
    NamedKind{"ipython", DirectiveKind::code},
    NamedKind{"prompt", DirectiveKind::code},
    NamedKind{"note", DirectiveKind::labelled},
    NamedKind{"warning", DirectiveKind::labelled},
    NamedKind{"tip", DirectiveKind::labelled},
    NamedKind{"important", DirectiveKind::labelled},
    NamedKind{"caution", DirectiveKind::labelled},
    NamedKind{"danger", DirectiveKind::labelled},
    NamedKind{"error", DirectiveKind::labelled},
    NamedKind{"hint", DirectiveKind::labelled},
    NamedKind{"attention", DirectiveKind::labelled},
    NamedKind{"seealso", DirectiveKind::labelled},
    NamedKind{"todo", DirectiveKind::labelled},
    NamedKind{"impl-detail", DirectiveKind::labelled},
    NamedKind{"admonition", DirectiveKind::titled},
    NamedKind{"topic", DirectiveKind::titled},
    NamedKind{"sidebar", DirectiveKind::titled},
    NamedKind{"versionadded", DirectiveKind::versioned},
    NamedKind{"versionchanged", DirectiveKind::versioned},
    NamedKind{"versionremoved", DirectiveKind::versioned},
    NamedKind{"deprecated", DirectiveKind::versioned},
    NamedKind{"deprecated-removed", DirectiveKind::versioned},
    NamedKind{"rubric", DirectiveKind::argument},
    NamedKind{"centered", DirectiveKind::argument},
    NamedKind{"function", DirectiveKind::object},
    NamedKind{"method", DirectiveKind::object},
    NamedKind{"staticmethod", DirectiveKind::object},
    NamedKind{"classmethod", DirectiveKind::object},
    NamedKind{"abstractmethod", DirectiveKind::object},
    NamedKind{"coroutinefunction", DirectiveKind::object},
    NamedKind{"coroutinemethod", DirectiveKind::object},
    NamedKind{"attribute", DirectiveKind::object},
    NamedKind{"property", DirectiveKind::object},
    NamedKind{"data", DirectiveKind::object},
    NamedKind{"exception", DirectiveKind::object},
    NamedKind{"decorator", DirectiveKind::object},
    NamedKind{"decoratormethod", DirectiveKind::object},
    NamedKind{"describe", DirectiveKind::object},
    NamedKind{"object", DirectiveKind::object},
    NamedKind{"option", DirectiveKind::object},
    NamedKind{"cmdoption", DirectiveKind::object},
    NamedKind{"envvar", DirectiveKind::object},
    NamedKind{"opcode", DirectiveKind::object},
    NamedKind{"pdbcommand", DirectiveKind::object},
    NamedKind{"2to3fixer", DirectiveKind::object},
    NamedKind{"type", DirectiveKind::object},
    NamedKind{"macro", DirectiveKind::object},
    NamedKind{"member", DirectiveKind::object},
    NamedKind{"var", DirectiveKind::object},
    NamedKind{"struct", DirectiveKind::object},
    NamedKind{"union", DirectiveKind::object},
    NamedKind{"enum", DirectiveKind::object},
    NamedKind{"enumerator", DirectiveKind::object},
    NamedKind{"directive", DirectiveKind::object},
    NamedKind{"directive:option", DirectiveKind::object},
    NamedKind{"confval", DirectiveKind::object},
};

/// "py:function" -> "function"; "c:function" -> "function"; "note" stays.
std::string_view without_domain(std::string_view name)
{
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

} // namespace

DirectiveKind directive_kind(std::string_view name)
{
    const std::string lowered = ascii_lower(name);
    const std::string_view bare = without_domain(lowered);
    if (bare.substr(0, 4) == "auto") {
        return DirectiveKind::drop; // autodoc: the text lives in the source code, not here
    }
    for (const NamedKind& entry : k_kinds) {
        if (entry.name == lowered || entry.name == bare) {
            return entry.kind;
        }
    }
    return bare.size() < lowered.size() ? DirectiveKind::object : DirectiveKind::keep_body;
}

std::string directive_label(std::string_view name)
{
    const std::string lowered = ascii_lower(name);
    if (lowered == "seealso") {
        return "See also";
    }
    if (lowered == "impl-detail") {
        return "CPython implementation detail";
    }
    std::string label = lowered;
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') {
        label[0] = static_cast<char>(label[0] - 'a' + 'A');
    }
    return label;
}

std::string version_label(std::string_view name, std::string_view version)
{
    const std::string lowered = ascii_lower(name);
    std::string label = "New in version ";
    if (lowered == "versionchanged") {
        label = "Changed in version ";
    } else if (lowered == "versionremoved") {
        label = "Removed in version ";
    } else if (lowered == "deprecated" || lowered == "deprecated-removed") {
        label = "Deprecated since version ";
    }
    return version.empty() ? label.substr(0, label.size() - 1) : label + std::string(version);
}

} // namespace kosh
