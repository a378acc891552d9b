// Which reader a file needs, from its name and, where the name is not enough, its first bytes.
#include "parse/format.h"

#include "parse/rest_sniffer.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

namespace kosh {

namespace {

std::string extension_of(std::string_view path)
{
    return ascii_lower(std::filesystem::path(std::string(path)).extension().string());
}

template <std::size_t N>
bool is_one_of(const std::string& extension, const std::array<std::string_view, N>& extensions)
{
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

/// ".1" to ".9", perhaps with letters after the digit (".3pm", ".1ssl"), or ".man"/".mdoc".
bool is_man_extension(std::string_view extension)
{
    if (extension == ".man" || extension == ".mdoc") {
        return true;
    }
    if (extension.size() < 2 || extension[0] != '.' || extension[1] < '1' || extension[1] > '9') {
        return false;
    }
    return std::all_of(extension.begin() + 2, extension.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

/// Whether one of the first 40 non-blank lines is a roff title, section or preprocessor line:
/// a "notes.1" of plain prose stays text.
bool looks_like_roff(std::string_view text)
{
    int seen = 0;
    std::size_t start = 0;
    while (start < text.size() && seen < 40) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
            line.remove_prefix(1);
        }
        if (line.empty()) {
            continue;
        }
        ++seen;
        for (const std::string_view opening : {".TH", ".Dd", ".Dt", ".SH", "'\\\"", ".\\\""}) {
            if (line.starts_with(opening)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::string_view format_name(Format format)
{
    switch (format) {
    case Format::markdown: return "markdown";
    case Format::rest: return "rest";
    case Format::pod: return "pod";
    case Format::html: return "html";
    case Format::man: return "man";
    case Format::pdf: return "pdf";
    case Format::epub: return "epub";
    case Format::docx: return "docx";
    case Format::odt: return "odt";
    case Format::text: break;
    }
    return "text";
}

bool is_binary_format(Format format)
{
    return format == Format::pdf || format == Format::epub || format == Format::docx || format == Format::odt;
}

Format detect_format(std::string_view path, std::string_view text)
{
    const std::string extension = extension_of(path);
    if (extension == ".pdf") {
        return Format::pdf;
    }
    if (extension == ".epub") {
        return Format::epub;
    }
    if (extension == ".docx") {
        return Format::docx;
    }
    if (extension == ".odt") {
        return Format::odt;
    }
    if (is_one_of(extension, std::array<std::string_view, 4>{".md", ".markdown", ".mdown", ".mkd"})) {
        return Format::markdown;
    }
    if (is_one_of(extension, std::array<std::string_view, 2>{".rst", ".rest"})) {
        return Format::rest;
    }
    if (extension == ".txt") {
        // Sphinx copies each page's source to _sources/ as "page.rst.txt" (older: "page.txt").
        const std::string lowered = ascii_lower(path);
        const bool sphinx_source = lowered.ends_with(".rst.txt") || lowered.find("_sources/") != std::string::npos;
        if (sphinx_source || looks_like_rest(text)) {
            return Format::rest;
        }
    }
    // Perl modules and scripts are read for their POD only: the code around it is not prose.
    if (is_one_of(extension, std::array<std::string_view, 3>{".pod", ".pm", ".pl"})) {
        return Format::pod;
    }
    if (is_one_of(extension, std::array<std::string_view, 3>{".html", ".htm", ".xhtml"})) {
        return Format::html;
    }
    if (is_man_extension(extension) && looks_like_roff(text)) {
        return Format::man;
    }
    if (text.starts_with("%PDF-")) {
        return Format::pdf; // a PDF saved without its extension
    }
    return Format::text;
}

} // namespace kosh
