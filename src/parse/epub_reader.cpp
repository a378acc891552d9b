// Turns an e-book (EPUB 2 or 3) into a Document.
//
// container.xml -> package document (OPF): title, manifest, spine -> each spine item's XHTML
// through the HTML reader, renumbered into the book's paragraph numbering. Paths in the OPF and
// navigation documents are URLs relative to the document that holds them.
#include "parse/epub_reader.h"

#include "parse/html_parser.h"
#include "parse/numbered_document.h"
#include "parse/xml_text.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace kosh {

namespace {

constexpr std::string_view k_container_part = "META-INF/container.xml";
constexpr std::string_view k_encryption_part = "META-INF/encryption.xml";

int hex_value(char c)
{
    if (is_ascii_digit(c)) {
        return c - '0';
    }
    const char lower = ascii_lower(c);
    return (lower >= 'a' && lower <= 'f') ? lower - 'a' + 10 : -1;
}

std::string percent_decode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// The folder of a member, with its slash: "OEBPS/" for "OEBPS/content.opf".
std::string_view folder_of(std::string_view member)
{
    const std::size_t slash = member.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : member.substr(0, slash + 1);
}

/// The member a URL in a document in `folder` points to: "../Text/ch%201.xhtml#s2" from
/// "OEBPS/nav/" is "OEBPS/Text/ch 1.xhtml". Empty for a URL with a scheme (outside the book).
std::string resolve_href(std::string_view folder, std::string_view href)
{
    href = href.substr(0, std::min(href.find('#'), href.find('?')));
    const std::size_t colon = href.find(':');
    if (colon != std::string_view::npos && href.find('/') > colon) {
        return {};
    }
    std::string joined;
    if (href.starts_with('/')) {
        joined = percent_decode(href.substr(1));
    } else {
        joined = std::string(folder) + percent_decode(href);
    }
    std::vector<std::string_view> segments;
    const std::string_view whole = joined;
    std::size_t at = 0;
    while (at <= whole.size()) {
        const std::size_t slash = std::min(whole.find('/', at), whole.size());
        const std::string_view segment = whole.substr(at, slash - at);
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        at = slash + 1;
    }
    std::string out;
    for (const std::string_view segment : segments) {
        if (!out.empty()) {
            out += '/';
        }
        out += segment;
    }
    return out;
}

struct ManifestItem {
    std::string member; // resolved path in the zip
    std::string media_type;
    std::string properties;
};

struct Package {
    std::string title;
    std::map<std::string, ManifestItem, std::less<>> manifest; // by id
    std::vector<std::string> spine;                            // manifest ids in reading order
    std::string toc_id;                                        // the spine's NCX, EPUB 2
};

Package read_package(pugi::xml_node root, std::string_view folder)
{
    Package package;
    package.title = element_text(child_named(child_named(root, "metadata"), "title"));
    for (pugi::xml_node item = child_named(root, "manifest").first_child(); item; item = item.next_sibling()) {
        if (local_name(item) != "item") {
            continue;
        }
        package.manifest.emplace(std::string(attribute_named(item, "id")),
                                 ManifestItem{resolve_href(folder, attribute_named(item, "href")),
                                              ascii_lower(attribute_named(item, "media-type")),
                                              std::string(attribute_named(item, "properties"))});
    }
    const pugi::xml_node spine = child_named(root, "spine");
    package.toc_id = attribute_named(spine, "toc");
    for (pugi::xml_node item = spine.first_child(); item; item = item.next_sibling()) {
        if (local_name(item) == "itemref") {
            package.spine.emplace_back(attribute_named(item, "idref"));
        }
    }
    return package;
}

/// Chapter titles by member, from an EPUB 3 navigation document's table of contents: the first
/// link to each member names it.
void add_nav_titles(std::map<std::string, std::string>& titles, pugi::xml_node root, std::string_view folder)
{
    pugi::xml_node toc;
    pugi::xml_node first_nav;
    walk_descendants(root, [&](pugi::xml_node node) {
        if (toc || local_name(node) != "nav") {
            return toc ? Walk::over : Walk::into;
        }
        first_nav = first_nav ? first_nav : node;
        if (has_token(attribute_named(node, "type"), "toc")) {
            toc = node;
        }
        return Walk::over;
    });
    walk_descendants(toc ? toc : first_nav, [&](pugi::xml_node node) {
        if (local_name(node) == "a" && node.attribute("href")) {
            const std::string member = resolve_href(folder, node.attribute("href").value());
            std::string title = element_text(node);
            if (!member.empty() && !title.empty()) {
                titles.emplace(member, std::move(title));
            }
        }
        return Walk::into;
    });
}

/// The same from an EPUB 2 toc.ncx: navPoints, nested, in order.
void add_ncx_titles(std::map<std::string, std::string>& titles, pugi::xml_node root, std::string_view folder)
{
    walk_descendants(root, [&](pugi::xml_node node) {
        if (local_name(node) == "navPoint") {
            const std::string member = resolve_href(folder, attribute_named(child_named(node, "content"), "src"));
            std::string title = element_text(child_named(child_named(node, "navLabel"), "text"));
            if (!member.empty() && !title.empty()) {
                titles.emplace(member, std::move(title));
            }
        }
        return Walk::into;
    });
}

/// Members that DRM has encrypted, from META-INF/encryption.xml. Font obfuscation (IDPF's and
/// Adobe's) also lists its fonts there, and is no obstacle to reading the text.
std::set<std::string> encrypted_members(pugi::xml_node root)
{
    std::set<std::string> members;
    walk_descendants(root, [&](pugi::xml_node node) {
        if (local_name(node) != "EncryptedData") {
            return Walk::into;
        }
        const std::string_view algorithm = attribute_named(child_named(node, "EncryptionMethod"), "Algorithm");
        if (algorithm != "http://www.idpf.org/2008/embedding" && algorithm != "http://ns.adobe.com/pdf/enc#RC") {
            const pugi::xml_node reference = descendant_named(node, "CipherReference");
            members.insert(resolve_href({}, attribute_named(reference, "URI")));
        }
        return Walk::over;
    });
    return members;
}

bool is_raw_text_element(std::string_view name)
{
    static const std::set<std::string> names{"script",  "style",    "title", "textarea", "iframe",
                                             "noembed", "noframes", "xmp",   "noscript"};
    return names.contains(ascii_lower(name));
}

/// Where `needle` (lowercase) first occurs in `text` from `from` on, in any ASCII case.
std::size_t find_ignoring_case(std::string_view text, std::string_view needle, std::size_t from)
{
    for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
        std::size_t i = 0;
        while (i < needle.size() && ascii_lower(text[at + i]) == needle[i]) {
            ++i;
        }
        if (i == needle.size()) {
            return at;
        }
    }
    return std::string_view::npos;
}

void blank(std::string& text, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        if (text[i] != '\n' && text[i] != '\r') {
            text[i] = ' ';
        }
    }
}

/// Readies XHTML for the HTML reader. An HTML parser takes "<script src='x'/>" or "<title/>"
/// as the start of raw text running to the end of the file, where XML sees an empty element,
/// so those tags go. The head's <title> goes too: in a book it is usually the book's title
/// again, and the chapter's title comes from its headings or the navigation document.
/// Blanked bytes become spaces, so the lines stay where they were.
void prepare_xhtml(std::string& text)
{
    bool in_body = false;
    std::size_t at = 0;
    while ((at = text.find('<', at)) != std::string::npos) {
        std::size_t name_end = at + 1;
        while (name_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[name_end])) != 0)) {
            ++name_end;
        }
        const std::string_view name = std::string_view(text).substr(at + 1, name_end - at - 1);
        const std::size_t close = text.find('>', name_end);
        if (close == std::string::npos) {
            return;
        }
        if (ascii_lower(name) == "body") {
            in_body = true;
        } else if (is_raw_text_element(name)) {
            if (text[close - 1] == '/') {
                blank(text, at, close + 1);
            } else if (!in_body && ascii_lower(name) == "title") {
                std::size_t end = find_ignoring_case(text, "</title", close);
                end = end == std::string::npos ? std::string::npos : text.find('>', end);
                if (end != std::string::npos) {
                    blank(text, at, end + 1);
                    at = end + 1;
                    continue;
                }
            }
        }
        at = close + 1;
    }
}

/// `text` as one line, bar the lines of its code spans.
void join_lines_outside_code(std::string& text, const std::vector<ByteSpan>& code)
{
    std::size_t span = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (span < code.size() && code[span].end <= i) {
            ++span;
        }
        const bool in_code = span < code.size() && code[span].begin <= i;
        if (text[i] == '\n' && !in_code) {
            text[i] = ' ';
        }
    }
}

/// Adds one chapter's headings and paragraphs in reading order, its top heading at level 2.
void add_chapter(NumberedDocument& out, Document chapter, const std::string& nav_title)
{
    if (chapter.headings.empty()) {
        out.add_heading(nav_title, 2);
    }
    int top = 2;
    if (!chapter.headings.empty()) {
        top =
            std::min_element(chapter.headings.begin(), chapter.headings.end(), [](const Heading& a, const Heading& b) {
                return a.level < b.level;
            })->level;
    }
    auto heading = chapter.headings.begin();
    for (Paragraph& paragraph : chapter.paragraphs) {
        for (; heading != chapter.headings.end() && heading->line <= paragraph.first_line; ++heading) {
            out.add_heading(std::move(heading->text), heading->level - top + 2);
        }
        join_lines_outside_code(paragraph.text, paragraph.code);
        out.add_paragraph(std::move(paragraph.text), std::move(paragraph.code));
    }
    for (; heading != chapter.headings.end(); ++heading) {
        out.add_heading(std::move(heading->text), heading->level - top + 2);
    }
}

bool is_html_item(const ManifestItem& item)
{
    if (item.media_type == "application/xhtml+xml" || item.media_type == "text/html") {
        return true;
    }
    const std::string lowered = ascii_lower(item.member);
    return item.media_type.empty() &&
           (lowered.ends_with(".xhtml") || lowered.ends_with(".html") || lowered.ends_with(".htm"));
}

std::string opf_from_container(ZipArchive& archive, std::string& problem)
{
    const std::optional<std::string> container = archive.find(k_container_part);
    if (!container) {
        // Some tools leave the container out; the one package document in the zip will do.
        for (const std::string& name : archive.names()) {
            if (ascii_lower(name).ends_with(".opf")) {
                return name;
            }
        }
        problem = "no " + std::string(k_container_part);
        return {};
    }
    auto members = archive.read({*container});
    if (!members) {
        problem = members.error();
        return {};
    }
    pugi::xml_document xml;
    if (!load_xml(xml, members->begin()->second)) {
        problem = std::string(k_container_part) + ": not XML";
        return {};
    }
    const pugi::xml_node rootfile = descendant_named(xml.document_element(), "rootfile");
    const std::string full_path = resolve_href({}, attribute_named(rootfile, "full-path"));
    if (full_path.empty()) {
        problem = "no package document named in " + std::string(k_container_part);
    }
    return full_path;
}

} // namespace

Expected<Document> parse_epub(std::string_view bytes, std::string path, ZipLimits limits)
{
    using Failure = Expected<Document>;
    auto archive = ZipArchive::open(bytes, limits);
    if (!archive) {
        return Failure::failure(archive.error());
    }
    std::string problem;
    const std::string opf_path = opf_from_container(*archive, problem);
    if (opf_path.empty()) {
        return Failure::failure(problem);
    }
    const std::optional<std::string> opf_member = archive->find(opf_path);
    if (!opf_member) {
        return Failure::failure("no package document " + opf_path);
    }
    auto opf_text = archive->read({*opf_member});
    if (!opf_text) {
        return Failure::failure(opf_text.error());
    }
    pugi::xml_document opf_xml;
    if (auto loaded = load_xml(opf_xml, opf_text->begin()->second); !loaded) {
        return Failure::failure(opf_path + ": " + loaded.error());
    }
    const Package package = read_package(opf_xml.document_element(), folder_of(opf_path));

    // Everything else in one pass: the chapters, the navigation documents, the DRM list.
    std::vector<std::string> wanted;
    std::string nav_member;
    std::string ncx_member;
    for (const auto& [id, item] : package.manifest) {
        if (has_token(item.properties, "nav")) {
            nav_member = item.member;
        }
        if (id == package.toc_id || (ncx_member.empty() && item.media_type == "application/x-dtbncx+xml")) {
            ncx_member = item.member;
        }
    }
    auto want = [&](const std::string& member) {
        if (auto name = archive->find(member)) {
            wanted.push_back(*name);
        }
    };
    want(nav_member);
    want(ncx_member);
    want(std::string(k_encryption_part));
    for (const std::string& id : package.spine) {
        const auto item = package.manifest.find(id);
        if (item != package.manifest.end() && is_html_item(item->second)) {
            want(item->second.member);
        }
    }
    auto members = archive->read(wanted);
    if (!members) {
        return Failure::failure(members.error());
    }
    auto member = [&](const std::string& name) -> std::string* {
        const std::optional<std::string> found_name = name.empty() ? std::nullopt : archive->find(name);
        const auto found = found_name ? members->find(*found_name) : members->end();
        return found == members->end() ? nullptr : &found->second;
    };

    std::set<std::string> encrypted;
    pugi::xml_document encryption_xml;
    if (std::string* text = member(std::string(k_encryption_part))) {
        if (load_xml(encryption_xml, *text)) {
            encrypted = encrypted_members(encryption_xml.document_element());
        }
    }

    std::map<std::string, std::string> nav_titles;
    pugi::xml_document nav_xml;
    if (std::string* text = member(nav_member)) {
        if (load_xml(nav_xml, *text)) {
            add_nav_titles(nav_titles, nav_xml.document_element(), folder_of(nav_member));
        }
    }
    pugi::xml_document ncx_xml;
    if (std::string* text = member(ncx_member)) {
        if (load_xml(ncx_xml, *text)) {
            add_ncx_titles(nav_titles, ncx_xml.document_element(), folder_of(ncx_member));
        }
    }

    NumberedDocument out(std::move(path), "epub");
    std::set<std::string> read_already;
    for (const std::string& id : package.spine) {
        out.start_chapter();
        const auto item = package.manifest.find(id);
        if (item == package.manifest.end()) {
            out.add_warning("spine item " + id + " is not in the manifest");
            continue;
        }
        const std::string& name = item->second.member;
        if (encrypted.contains(name)) {
            return Failure::failure("encrypted book (DRM): " + name);
        }
        if (!is_html_item(item->second)) {
            continue; // an image page or the like: nothing to read
        }
        std::string* text = member(name);
        if (!text) {
            out.add_warning("chapter " + name + " is missing from the zip");
            continue;
        }
        // A spine may list one file many times; reading it once keeps the work linear.
        if (!read_already.insert(name).second) {
            continue;
        }
        prepare_xhtml(*text);
        Document chapter = parse_html(*text, name);
        for (std::string& warning : chapter.warnings) {
            out.add_warning(name + ": " + warning);
        }
        const auto nav_title = nav_titles.find(name);
        add_chapter(out, std::move(chapter), nav_title == nav_titles.end() ? std::string() : nav_title->second);
        text->clear();
        text->shrink_to_fit();
    }
    return out.finish(package.title);
}

} // namespace kosh
