// XML helpers the DOCX, ODT and EPUB readers share: parsing a member, matching names whatever
// their namespace prefix, walking a tree without recursion, and gathering a paragraph's text.
#pragma once

#include "util/error.h"

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// Parses `text` in place into `document` (`text` must outlive it). pugixml expands only the
/// five predefined entities and character references, never a DTD's, so entity bombs have no
/// effect, and it builds the tree without recursion. Returns an empty string when the XML is
/// well formed, else what is wrong with it; the tree then holds what came before the error.
/// Fails when there is no element at all.
[[nodiscard]] Expected<std::string> load_xml(pugi::xml_document& document, std::string& text);

/// The name without its namespace prefix: "p" for "w:p". Office files bind fixed namespace
/// URIs to prefixes that are conventional, not fixed.
[[nodiscard]] std::string_view local_name(pugi::xml_node node);
[[nodiscard]] std::string_view local_name(pugi::xml_attribute attribute);

/// The first child element, or attribute, of `node` with local name `name`.
[[nodiscard]] pugi::xml_node child_named(pugi::xml_node node, std::string_view name);
[[nodiscard]] std::string_view attribute_named(pugi::xml_node node, std::string_view name);

/// The first element in `root`'s subtree (root excluded), in document order, named `name`.
[[nodiscard]] pugi::xml_node descendant_named(pugi::xml_node root, std::string_view name);

/// What a visitor tells the walk about the node it was given.
enum class Walk { into, over };

/// Visits the nodes below `root` in document order, calling `visit(node)` on each and going
/// into its children when it returns Walk::into. Iterative: the depth of the tree costs no stack.
template <typename Visit>
void walk_descendants(pugi::xml_node root, Visit&& visit)
{
    pugi::xml_node node = root.first_child();
    while (node) {
        if (visit(node) == Walk::into && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node != root && !node.next_sibling()) {
            node = node.parent();
        }
        if (node == root) {
            return;
        }
        node = node.next_sibling();
    }
}

/// Reads the paragraph `top`, then depth first the paragraphs it holds (a text box's, a note's),
/// without recursion: `read(paragraph, nested)` reads one paragraph and appends the paragraphs
/// found inside it to `nested`, in document order.
template <typename Read>
void read_nested_paragraphs(pugi::xml_node top, Read&& read)
{
    std::vector<pugi::xml_node> pending{top};
    std::vector<pugi::xml_node> nested;
    while (!pending.empty()) {
        const pugi::xml_node paragraph = pending.back();
        pending.pop_back();
        nested.clear();
        read(paragraph, nested);
        pending.insert(pending.end(), nested.rbegin(), nested.rend());
    }
}

/// The text of one paragraph as it is gathered piece by piece: every run of whitespace (and
/// control characters) becomes one space, and none is kept at either end, so a paragraph is
/// always one line.
class ParagraphText {
public:
    void append(std::string_view text);
    void space() { m_pending_space = !m_text.empty(); }
    [[nodiscard]] std::string take();

private:
    std::string m_text;
    bool m_pending_space = false;
};

/// The text of every PCDATA and CDATA node below `node`, as one line.
[[nodiscard]] std::string element_text(pugi::xml_node node);

} // namespace kosh
