// Turns an OpenDocument text file (ODT) into a Document.
//
// The parts read are content.xml (the text and its automatic styles), styles.xml (the named
// styles those derive from), meta.xml (the title property) and META-INF/manifest.xml (which
// says whether the parts are encrypted). Element names are matched without their namespace
// prefix, and every walk over the tree is iterative.
#include "parse/odt_reader.h"

#include "parse/numbered_document.h"
#include "parse/xml_text.h"
#include "util/ascii.h"

#include <charconv>
#include <map>
#include <set>
#include <vector>

namespace kosh {

namespace {

constexpr std::string_view k_content_part = "content.xml";
constexpr std::string_view k_styles_part = "styles.xml";
constexpr std::string_view k_meta_part = "meta.xml";
constexpr std::string_view k_manifest_part = "META-INF/manifest.xml";

struct Style {
    std::string name;         // display name when given ("Heading 1"), else the name, lowercased
    std::string parent;       // style:parent-style-name
    int default_outline = -1; // style:default-outline-level
};

using Styles = std::map<std::string, Style, std::less<>>;

int number_value(std::string_view text)
{
    int value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return (error == std::errc() && end == text.data() + text.size()) ? value : -1;
}

/// Adds the paragraph styles defined in `container` (office:styles or office:automatic-styles).
void add_styles(Styles& styles, pugi::xml_node container)
{
    for (pugi::xml_node node = container.first_child(); node; node = node.next_sibling()) {
        if (local_name(node) != "style") {
            continue;
        }
        Style style;
        const std::string_view display = attribute_named(node, "display-name");
        style.name = ascii_lower(display.empty() ? attribute_named(node, "name") : display);
        style.parent = attribute_named(node, "parent-style-name");
        style.default_outline = number_value(attribute_named(node, "default-outline-level"));
        styles.emplace(std::string(attribute_named(node, "name")), std::move(style));
    }
}

/// 0 for a body paragraph, 1 for a title, or a heading's outline level plus one, from the
/// paragraph style `name` and those it derives from.
int paragraph_style_level(std::string_view name, const Styles& styles)
{
    std::string current(name);
    std::set<std::string> seen;
    while (!current.empty() && seen.insert(current).second) {
        const auto found = styles.find(current);
        const std::string lowered = found == styles.end() ? ascii_lower(current) : found->second.name;
        if (lowered == "title") {
            return 1;
        }
        if (found == styles.end()) {
            return 0;
        }
        if (found->second.default_outline >= 1) {
            return std::min(found->second.default_outline, 9) + 1;
        }
        current = found->second.parent;
    }
    return 0;
}

/// Elements whose text is not the paragraph's: deletions kept for change tracking, comments,
/// a note's number, the generated contents and indexes, and image descriptions.
bool is_skipped(std::string_view name)
{
    static const std::set<std::string_view> skipped{"tracked-changes",
                                                    "annotation",
                                                    "note-citation",
                                                    "table-of-content",
                                                    "alphabetical-index",
                                                    "illustration-index",
                                                    "table-index",
                                                    "object-index",
                                                    "user-index",
                                                    "bibliography",
                                                    "sequence-decls",
                                                    "variable-decls",
                                                    "user-field-decls",
                                                    "forms",
                                                    "desc",
                                                    "title",
                                                    "ruby-text"};
    return skipped.contains(name);
}

class TextReader {
public:
    TextReader(NumberedDocument& out, const Styles& styles) : m_out(out), m_styles(styles) {}

    void read(pugi::xml_node text_root)
    {
        walk_descendants(text_root, [&](pugi::xml_node node) {
            if (node.type() != pugi::node_element) {
                return Walk::over;
            }
            const std::string_view name = local_name(node);
            if (name == "p" || name == "h") {
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
                text.append(node.value());
                return Walk::over;
            }
            if (node.type() != pugi::node_element) {
                return Walk::over;
            }
            const std::string_view name = local_name(node);
            if (name == "p" || name == "h") {
                nested.push_back(node); // in a note or a text box
                return Walk::over;
            }
            if (name == "s" || name == "tab" || name == "line-break") {
                text.space(); // a run of spaces reads as one, whatever text:c says
            }
            return is_skipped(name) ? Walk::over : Walk::into;
        });
        std::string line = text.take();
        if (local_name(paragraph) == "h") {
            const int outline = number_value(attribute_named(paragraph, "outline-level"));
            m_out.add_heading(std::move(line), std::clamp(outline, 1, 9) + 1);
            return;
        }
        const int level = paragraph_style_level(attribute_named(paragraph, "style-name"), m_styles);
        if (level == 1) {
            m_out.add_title(std::move(line));
        } else if (level > 1) {
            m_out.add_heading(std::move(line), level);
        } else {
            m_out.add_paragraph(std::move(line));
        }
    }

    NumberedDocument& m_out;
    const Styles& m_styles;
};

std::string part_problem(std::string_view part, const std::string& problem)
{
    return std::string(part) + ": " + problem;
}

} // namespace

Expected<Document> parse_odt(std::string_view bytes, std::string path, ZipLimits limits)
{
    using Failure = Expected<Document>;
    auto archive = ZipArchive::open(bytes, limits);
    if (!archive) {
        return Failure::failure(archive.error());
    }
    const std::optional<std::string> content_name = archive->find(k_content_part);
    if (!content_name) {
        return Failure::failure("no " + std::string(k_content_part));
    }
    std::vector<std::string> wanted{*content_name};
    for (const std::string_view part : {k_styles_part, k_meta_part, k_manifest_part}) {
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

    // A password-protected ODT is a plain zip whose parts are encrypted by ODF's own scheme,
    // which the manifest describes.
    if (const std::string* manifest = member(k_manifest_part)) {
        if (manifest->find("encryption-data") != std::string::npos) {
            return Failure::failure("encrypted document (password-protected)");
        }
    }

    NumberedDocument out(std::move(path), "odt");
    pugi::xml_document content_xml;
    auto content_problem = load_xml(content_xml, *member(k_content_part));
    if (!content_problem) {
        return Failure::failure(part_problem(k_content_part, content_problem.error()));
    }
    if (!content_problem->empty()) {
        out.add_warning(part_problem(k_content_part, *content_problem + ": read up to there"));
    }
    const pugi::xml_node root = content_xml.document_element();

    // content.xml's automatic styles ("P1") derive from the named styles in styles.xml; the
    // automatic styles of styles.xml belong to page headers and footers, and reuse the names.
    Styles styles;
    add_styles(styles, child_named(root, "automatic-styles"));
    pugi::xml_document styles_xml;
    if (std::string* text = member(k_styles_part)) {
        if (load_xml(styles_xml, *text)) {
            add_styles(styles, child_named(styles_xml.document_element(), "styles"));
        }
    }

    std::string metadata_title;
    pugi::xml_document meta_xml;
    if (std::string* text = member(k_meta_part)) {
        if (load_xml(meta_xml, *text)) {
            metadata_title = element_text(child_named(child_named(meta_xml.document_element(), "meta"), "title"));
        }
    }

    const pugi::xml_node text_root = child_named(child_named(root, "body"), "text");
    TextReader(out, styles).read(text_root ? text_root : root);
    return out.finish(std::move(metadata_title));
}

} // namespace kosh
