// Which files are not documents: source code, data, minified bundles, lock files, logs and patches.
#include "index/document_kinds.h"

#include "util/ascii.h"
#include "util/decompress.h"

#include <algorithm>
#include <span>
#include <string>

namespace kosh {

namespace {

using Names = std::span<const std::string_view>;

bool is_one_of(std::string_view word, Names names)
{
    return std::find(names.begin(), names.end(), word) != names.end();
}

// What kosh has a reader for, and plain text. Perl files are read for their POD.
constexpr std::string_view k_document_extensions[] = {"txt", "text",  "md",  "markdown", "mdown", "mkd",
                                                      "rst", "rest",  "pod", "pm",       "pl",    "html",
                                                      "htm", "xhtml", "pdf", "epub",     "docx",  "odt"};

constexpr std::string_view k_source_extensions[] = {
    "c",     "h",    "cc",   "cpp",  "cxx", "c++",   "hh", "hpp",   "hxx",  "m",    "mm",    "py",  "pyi",  "pyx",
    "sh",    "bash", "zsh",  "ksh",  "csh", "fish",  "js", "mjs",   "cjs",  "ts",   "tsx",   "jsx", "java", "kt",
    "scala", "go",   "rs",   "rb",   "php", "cocci", "el", "lua",   "m4",   "mk",   "cmake", "am",  "ac",   "awk",
    "sed",   "tcl",  "vim",  "ps1",  "bat", "cmd",   "cs", "swift", "hs",   "ml",   "erl",   "ex",  "exs",  "clj",
    "lisp",  "scm",  "jl",   "f",    "f90", "asm",   "s",  "css",   "scss", "less", "vala",  "pas", "pp",   "lpr",
    "dpr",   "fpc",  "rexx", "perl", "y",   "yy",    "l",  "xsl",   "xslt"};

// Named without an extension, or with one that says something else (CMakeLists.txt).
constexpr std::string_view k_source_names[] = {"makefile", "gnumakefile", "cmakelists.txt", "dockerfile", "rakefile",
                                               "gemfile",  "configure",   "meson.build",    "sconstruct", "sconscript"};

// Not .dat: it is as often text as binary, and binary files are warned about when read.
constexpr std::string_view k_data_extensions[] = {"json", "jsonl", "ndjson", "csv",    "tsv",     "xml", "svg", "yaml",
                                                  "yml",  "toml",  "db",     "sqlite", "sqlite3", "sql", "map", "pem",
                                                  "crt",  "xsd",   "dtd",    "pickle", "parquet", "bib"};

constexpr std::string_view k_lock_names[] = {"package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "go.sum"};

constexpr std::string_view k_patch_extensions[] = {"patch", "diff", "dpatch", "debdiff"};

// Pictures beside the pages of HTML documentation: by far the most common files a
// documentation tree holds that are not text.
constexpr std::string_view k_image_extensions[] = {"png",  "jpg", "jpeg", "gif", "bmp", "ico",
                                                   "webp", "tif", "tiff", "xcf", "icns"};

// Archives, fonts, sound and video, and compiled files: binary, so never read as text.
constexpr std::string_view k_binary_extensions[] = {
    "tar", "zip", "jar", "deb",  "rpm",   "7z",  "rar", "so",  "o",    "a",   "pyc",  "pyo", "class", "dvi",
    "ttf", "otf", "eot", "woff", "woff2", "mp3", "ogg", "wav", "flac", "mp4", "webm", "avi", "mov"};

// A first line this long with fewer spaces than one byte in this many is a minified bundle:
// prose wraps or at least has a space every few words.
constexpr std::size_t k_minified_line = 1000;
constexpr std::size_t k_bytes_per_space = 20;

/// The file's name in lower case, as what it holds: "foo.c" for "src/foo.c.gz".
std::string lowered_name(std::string_view path)
{
    const auto slash = path.find_last_of('/');
    std::string name = ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (is_compressed_name(name)) {
        name.erase(name.find_last_of('.'));
    }
    return name;
}

/// After the last dot; empty when there is none, or only a leading one (".profile").
std::string_view extension_of(std::string_view name)
{
    const auto dot = name.find_last_of('.');
    return dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot + 1);
}

std::optional<LeftOutReason> by_name(std::string_view name)
{
    const std::string_view extension = extension_of(name);
    if (is_one_of(name, k_lock_names) || extension == "lock") {
        return LeftOutReason::lock_file;
    }
    if (name.ends_with(".min.js") || name.ends_with(".min.css")) {
        return LeftOutReason::minified;
    }
    if (is_one_of(name, k_source_names) || is_one_of(extension, k_source_extensions)) {
        return LeftOutReason::source_code;
    }
    if (is_one_of(extension, k_data_extensions)) {
        return LeftOutReason::data;
    }
    if (extension == "log") {
        return LeftOutReason::log;
    }
    if (is_one_of(extension, k_patch_extensions)) {
        return LeftOutReason::patch;
    }
    if (is_one_of(extension, k_image_extensions)) {
        return LeftOutReason::image;
    }
    if (is_one_of(extension, k_binary_extensions)) {
        return LeftOutReason::binary;
    }
    return std::nullopt;
}

bool looks_minified(std::string_view first_bytes)
{
    const std::string_view line = first_bytes.substr(0, first_bytes.find('\n'));
    // NUL bytes mean binary, which the indexer reports as such.
    if (line.size() < k_minified_line || line.find('\0') != std::string_view::npos) {
        return false;
    }
    const auto spaces = static_cast<std::size_t>(std::count(line.begin(), line.end(), ' '));
    return spaces * k_bytes_per_space < line.size();
}

} // namespace

std::string_view reason_name(LeftOutReason reason)
{
    switch (reason) {
    case LeftOutReason::source_code: return "source code";
    case LeftOutReason::data: return "data";
    case LeftOutReason::minified: return "minified";
    case LeftOutReason::lock_file: return "lock file";
    case LeftOutReason::log: return "log";
    case LeftOutReason::image: return "image";
    case LeftOutReason::binary: return "binary";
    case LeftOutReason::patch: break;
    }
    return "patch";
}

bool needs_first_bytes(std::string_view path)
{
    if (is_compressed_name(path)) {
        return false; // its first bytes say nothing until decompressed, which costs too much here
    }
    const std::string name = lowered_name(path);
    return !is_one_of(extension_of(name), k_document_extensions) && !by_name(name);
}

std::optional<LeftOutReason> left_out(std::string_view path, std::string_view first_bytes)
{
    const std::string name = lowered_name(path);
    if (is_one_of(extension_of(name), k_document_extensions) && !is_one_of(name, k_source_names)) {
        return std::nullopt;
    }
    if (const auto reason = by_name(name)) {
        return reason;
    }
    if (first_bytes.starts_with("#!")) {
        return LeftOutReason::source_code;
    }
    if (looks_minified(first_bytes)) {
        return LeftOutReason::minified;
    }
    return std::nullopt;
}

std::size_t LeftOutTally::total() const
{
    std::size_t sum = 0;
    for (const std::size_t count : m_counts) {
        sum += count;
    }
    return sum;
}

std::vector<std::pair<LeftOutReason, std::size_t>> LeftOutTally::by_count() const
{
    std::vector<std::pair<LeftOutReason, std::size_t>> counts;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i] > 0) {
            counts.emplace_back(static_cast<LeftOutReason>(i), m_counts[i]);
        }
    }
    std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return counts;
}

} // namespace kosh
