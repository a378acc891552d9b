// The index layout in one place, so the indexer and the searcher cannot drift apart.
//
// Terms follow Xapian's TermGenerator/QueryParser convention (STEM_SOME): each word is indexed
// unstemmed with positions (for phrases and wildcards) and stemmed with a "Z" prefix (for
// ranking). A field prefix goes between: "ZS" + stem is a stemmed heading word.
#pragma once

#include <string>
#include <string_view>

namespace kosh::schema {

constexpr std::string_view k_body_prefix = "";     // passage text
constexpr std::string_view k_section_prefix = "S"; // heading path below the title
constexpr std::string_view k_title_prefix = "T";   // document title
constexpr std::string_view k_stem_marker = "Z";    // stemmed form: "Z" + field prefix + stem
constexpr std::string_view k_path_prefix = "P";    // boolean: the file's path, and each parent folder + "/"

/// Xapian refuses terms over 245 bytes; longer words are not worth indexing anyway.
constexpr std::size_t k_max_term_bytes = 240;

/// Document data holds the encoded PassageRecord (see passage_record.h).
/// Metadata keys:
constexpr std::string_view k_meta_format = "kosh.format";         // index format version
constexpr std::string_view k_meta_language = "kosh.language";     // stemming language
constexpr std::string_view k_meta_indexed_at = "kosh.indexed_at"; // UTC, ISO 8601
constexpr std::string_view k_meta_file_prefix = "kosh.file:";     // + path -> FileState

/// Bump when the terms, data or metadata change incompatibly.
constexpr int k_format_version = 1;

inline std::string stemmed_term(std::string_view field_prefix, std::string_view stem)
{
    std::string term(k_stem_marker);
    term += field_prefix;
    term += stem;
    return term;
}

inline std::string field_term(std::string_view field_prefix, std::string_view word)
{
    std::string term(field_prefix);
    term += word;
    return term;
}

} // namespace kosh::schema
