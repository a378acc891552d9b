// Turns a Word document (DOCX, Office Open XML) into a Document.
//
// The parts read are word/document.xml (the body), word/styles.xml (what each paragraph style
// is called and what it is based on) and docProps/core.xml (the title property). Element names
// are matched without their namespace prefix, and every walk over the tree is iterative.
#include "parse/docx_reader.h"

#include "parse/numbered_document.h"
#include "parse/xml_text.h"
#include "util/ascii.h"

#include <charconv>
#include <map>
#include <set>
#include <vector>

namespace kosh {

namespace {

constexpr std::string_view k_body_part = "word/document.xml";
constexpr std::string_view k_styles_part = "word/styles.xml";
constexpr std::string_view k_core_part = "docProps/core.xml";

/// What a paragraph is, from its style or its own outline level.
struct Role {
    enum class Kind { body, title, heading, contents_entry };
    Kind kind = Kind::body;
    int level = 0; // for a heading: 2 for Heading 1
};

struct Style {
    std::string name;     // w:name, lowercased: "heading 1", or a localized name
    std::string based_on; // a styleId
    int outline_level = -1;
};

using Styles = std::map<std::string, Style, std::less<>>;

/// A w:val that is a small number, else -1.
int number_value(std::string_view text)
{
    int value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return (error == std::errc() && end == text.data() + text.size() && value >= 0) ? value : -1;
}

/// The outline level a pPr gives (0 for a top heading, 9 for body text), or -1.
int outline_level(pugi::xml_node properties)
{
    const pugi::xml_node level = child_named(properties, "outlineLvl");
    return level ? number_value(attribute_named(level, "val")) : -1;
}

Styles read_styles(pugi::xml_node root)
{
    Styles styles;
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
        if (local_name(node) != "style") {
            continue;
        }
        const std::string_view type = attribute_named(node, "type");
        if (!type.empty() && type != "paragraph") {
            continue;
        }
        Style style;
        style.name = ascii_lower(attribute_named(child_named(node, "name"), "val"));
        style.based_on = attribute_named(child_named(node, "basedOn"), "val");
        style.outline_level = outline_level(child_named(node, "pPr"));
        styles.emplace(std::string(attribute_named(node, "styleId")), std::move(style));
    }
    return styles;
}

/// The role a style's name alone gives: "heading 3" or "Heading3", "title", "toc 2".
std::optional<Role> role_from_name(std::string_view name)
{
    const std::string lowered = ascii_lower(name);
    std::string_view rest = lowered;
    if (rest == "title") {
        return Role{Role::Kind::title, 1};
    }
    if (rest.starts_with("heading")) {
        rest.remove_prefix(7);
        if (rest.starts_with(' ')) {
            rest.remove_prefix(1);
        }
        const int number = number_value(rest);
        if (number >= 1 && number <= 9) {
            return Role{Role::Kind::heading, number + 1};
        }
    }
    if (rest.starts_with("toc") && rest.size() > 3 && (rest[3] == ' ' || is_ascii_digit(rest[3]))) {
        return Role{Role::Kind::contents_entry, 0};
    }
    return std::nullopt;
}

std::optional<Role> role_from_outline_level(int level)
{
    if (level >= 0 && level <= 8) {
        return Role{Role::Kind::heading, level + 2};
    }
    if (level == 9) {
        return Role{}; // explicitly body text
    }
    return std::nullopt;
}

/// The role of a paragraph with these properties: its own outline level, else its style's name
/// or outline level, else those of the style it is based on, and so on up the chain.
Role role_of(pugi::xml_node properties, const Styles& styles)
{
    if (auto role = role_from_outline_level(outline_level(properties))) {
        return *role;
    }
    std::string id(attribute_named(child_named(properties, "pStyle"), "val"));
    std::set<std::string> seen; // basedOn chains may loop in a damaged file
    while (!id.empty() && seen.insert(id).second) {
        const auto found = styles.find(id);
        if (found == styles.end()) {
            // Without styles.xml, the ids Word and others write ("Heading1", "Title") still tell.
            return role_from_name(id).value_or(Role{});
        }
        if (auto role = role_from_name(found->second.name)) {
            return *role;
        }
        if (auto role = role_from_outline_level(found->second.outline_level)) {
            return *role;
        }
        id = found->second.based_on;
    }
    return Role{};
}

/// Elements whose content is not the text of the paragraph around them: properties, deleted
/// and moved-away revisions, field instructions, and the fallback copy of alternate content
/// (the same text box again).
bool is_skipped(std::string_view name)
{
    static const std::set<std::string_view> skipped{"pPr",
                                                    "rPr",
                                                    "del",
                                                    "moveFrom",
                                                    "delText",
                                                    "instrText",
                                                    "delInstrText",
                                                    "Fallback",
                                                    "sectPr",
                                                    "footnoteReference",
                                                    "endnoteReference",
                                                    "commentReference",
                                                    "tblPr",
                                                    "trPr",
                                                    "tcPr",
                                                    "sdtPr",
                                                    "sdtEndPr"};
    return skipped.contains(name);
}

class BodyReader {
public:
    BodyReader(NumberedDocument& out, const Styles& styles) : m_out(out), m_styles(styles) {}

    void read(pugi::xml_node body)
    {
        walk_descendants(body, [&](pugi::xml_node node) {
            if (node.type() != pugi::node_element) {
                return Walk::over;
            }
            const std::string_view name = local_name(node);
            if (name == "p") {
                read_nested_paragraphs(node, [this](pugi::xml_node paragraph, std::vector<pugi::xml_node>& nested) {
                    read_paragraph(paragraph, nested);
                });
                return Walk::over;
            }
            return is_skipped(name) ? Walk::over : Walk::into;
        });
    }

private:
    void read_paragraph(pugi::xml_node paragraph, std::vector<pugi::xml_node>& nested)
    {
        ParagraphText text;
        walk_descendants(paragraph, [&](pugi::xml_node node) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                if (local_name(node.parent()) == "t") {
                    text.append(node.value());
                }
                return Walk::over;
            }
            if (node.type() != pugi::node_element) {
                return Walk::over;
            }
            const std::string_view name = local_name(node);
            if (name == "p") {
                nested.push_back(node);
                return Walk::over;
            }
            if (name == "tab" || name == "ptab" || name == "br" || name == "cr") {
                text.space();
            } else if (name == "noBreakHyphen") {
                text.append("-");
            }
            return is_skipped(name) ? Walk::over : Walk::into;
        });
        const Role role = role_of(child_named(paragraph, "pPr"), m_styles);
        switch (role.kind) {
        case Role::Kind::title: m_out.add_title(text.take()); break;
        case Role::Kind::heading: m_out.add_heading(text.take(), role.level); break;
        case Role::Kind::contents_entry: break; // the headings again, with page numbers
        case Role::Kind::body: m_out.add_paragraph(text.take()); break;
        }
    }

    NumberedDocument& m_out;
    const Styles& m_styles;
};

std::string fail_message(std::string_view part, const std::string& problem)
{
    return std::string(part) + ": " + problem;
}

} // namespace

Expected<Document> parse_docx(std::string_view bytes, std::string path, ZipLimits limits)
{
    using Failure = Expected<Document>;
    auto archive = ZipArchive::open(bytes, limits);
    if (!archive) {
        return Failure::failure(archive.error());
    }
    const std::optional<std::string> body_name = archive->find(k_body_part);
    if (!body_name) {
        return Failure::failure("no " + std::string(k_body_part));
    }
    std::vector<std::string> wanted{*body_name};
    for (const std::string_view part : {k_styles_part, k_core_part}) {
        if (auto name = archive->find(part)) {
            wanted.push_back(*name);
        }
    }
    auto members = archive->read(wanted);
    if (!members) {
        return Failure::failure(members.error());
    }
    auto member = [&](std::string_view part) -> std::string* {
        const std::optional<std::string> name = archive->find(part);
        const auto found = name ? members->find(*name) : members->end();
        return found == members->end() ? nullptr : &found->second;
    };

    NumberedDocument out(std::move(path), "docx");
    pugi::xml_document body_xml;
    auto body_problem = load_xml(body_xml, *member(k_body_part));
    if (!body_problem) {
        return Failure::failure(fail_message(k_body_part, body_problem.error()));
    }
    if (!body_problem->empty()) {
        out.add_warning(fail_message(k_body_part, *body_problem + ": read up to there"));
    }

    Styles styles;
    pugi::xml_document styles_xml;
    if (std::string* text = member(k_styles_part)) {
        if (load_xml(styles_xml, *text)) {
            styles = read_styles(styles_xml.document_element());
        }
    }
    std::string metadata_title;
    pugi::xml_document core_xml;
    if (std::string* text = member(k_core_part)) {
        if (load_xml(core_xml, *text)) {
            metadata_title = element_text(child_named(core_xml.document_element(), "title"));
        }
    }

    const pugi::xml_node root = body_xml.document_element();
    const pugi::xml_node body = child_named(root, "body");
    BodyReader(out, styles).read(body ? body : root);
    return out.finish(std::move(metadata_title));
}

} // namespace kosh
