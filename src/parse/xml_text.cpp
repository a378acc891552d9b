// XML helpers the DOCX, ODT and EPUB readers share.
#include "parse/xml_text.h"

#include <fmt/format.h>

namespace kosh {

Expected<std::string> load_xml(pugi::xml_document& document, std::string& text)
{
    // Whitespace-only text nodes are kept: in <w:t> </w:t> or between two ODF spans the space
    // is a word break.
    constexpr unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result =
        document.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_auto);
    if (!document.document_element()) {
        return Expected<std::string>::failure(
            fmt::format("not XML ({})", result ? "no element" : result.description()));
    }
    if (result) {
        return std::string();
    }
    return fmt::format("{} at byte {}", result.description(), result.offset);
}

std::string_view local_name(pugi::xml_node node)
{
    const std::string_view name = node.name();
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view local_name(pugi::xml_attribute attribute)
{
    const std::string_view name = attribute.name();
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name)
{
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element && local_name(child) == name) {
            return child;
        }
    }
    return {};
}

std::string_view attribute_named(pugi::xml_node node, std::string_view name)
{
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
        if (local_name(attribute) == name) {
            return attribute.value();
        }
    }
    return {};
}

pugi::xml_node descendant_named(pugi::xml_node root, std::string_view name)
{
    pugi::xml_node found;
    walk_descendants(root, [&](pugi::xml_node node) {
        if (found) {
            return Walk::over;
        }
        if (node.type() == pugi::node_element && local_name(node) == name) {
            found = node;
            return Walk::over;
        }
        return Walk::into;
    });
    return found;
}

void ParagraphText::append(std::string_view text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') {
            space();
            continue;
        }
        if (m_pending_space) {
            m_text += ' ';
            m_pending_space = false;
        }
        m_text += c;
    }
}

std::string ParagraphText::take()
{
    m_pending_space = false;
    return std::move(m_text);
}

std::string element_text(pugi::xml_node node)
{
    ParagraphText text;
    walk_descendants(node, [&](pugi::xml_node child) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text.append(child.value());
        }
        return Walk::into;
    });
    return text.take();
}

} // namespace kosh
