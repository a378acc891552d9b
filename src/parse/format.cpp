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

} // namespace

std::string_view format_name(Format format)
{
    switch (format) {
    case Format::markdown: return "markdown";
    case Format::rest: return "rest";
    case Format::pod: return "pod";
    case Format::html: return "html";
    case Format::text: break;
    }
    return "text";
}

Format detect_format(std::string_view path, std::string_view text)
{
    const std::string extension = extension_of(path);
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
    return Format::text;
}

} // namespace kosh
