// The index layout in one place, so the indexer and the searcher cannot drift apart.
//
// Terms follow Xapian's TermGenerator/QueryParser convention (STEM_SOME): each word is indexed
// unstemmed with positions (for phrases and wildcards) and stemmed with a "Z" prefix (for
// ranking). A field prefix goes between: "ZS" + stem is a stemmed heading word.
//
// Ranking reads one term per question word: the unprefixed stemmed term "Z" + stem, whose wdf
// counts the passage text's occurrences once, and heading and title occurrences several times
// each (BM25F's weighted fields, fixed at index time). One posting list per word, where a
// separate term per field would be three, is what makes answering fast. The "ZS"/"ZT" terms
// serve section: and title: searches. Every wdf is then scaled by the passage's length, as BM25
// would scale it at match time (length_norm.h); positions stay one per occurrence.
#pragma once

#include "util/ascii.h"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace kosh::schema {

constexpr std::string_view k_body_prefix = "";     // passage text
constexpr std::string_view k_section_prefix = "S"; // heading path below the title
constexpr std::string_view k_title_prefix = "T";   // document title
constexpr std::string_view k_stem_marker = "Z";    // stemmed form: "Z" + field prefix + stem
constexpr std::string_view k_path_prefix = "P";    // boolean: the file's path, and each parent folder + "/"
/// One term per passage, no positions, whose wdf pads Xapian's document length to a multiple of
/// the passage's length (see length_norm.h). Upper case: never a word.
constexpr std::string_view k_length_term = "Xlength";

/// How many passage-text occurrences one heading or title occurrence counts as, in "Z" + stem.
/// The title's was measured on the bench/quality collections: x2 to x4 all did better than x1,
/// and x3 is the middle of that range. Those collections have no headings below the title, so
/// the headings' x2 was not measured: it sits between the text's x1 and the title's x3.
constexpr unsigned k_heading_wdf = 2;
constexpr unsigned k_title_wdf = 3;

/// Xapian refuses terms over 245 bytes; longer words are not worth indexing anyway.
constexpr std::size_t k_max_term_bytes = 240;

/// True when a term (or synonym key) of `bytes` bytes is short enough for Xapian.
constexpr bool fits_term(std::size_t bytes)
{
    return bytes <= k_max_term_bytes;
}

/// True when `prefix_bytes` of prefixes followed by `word` make a term short enough for Xapian.
constexpr bool fits_term(std::size_t prefix_bytes, std::string_view word)
{
    return fits_term(prefix_bytes + word.size());
}

/// The longest prefix a stemmed term carries: the stem marker and a field prefix ("ZS", "ZT").
constexpr std::size_t k_max_stemmed_prefix_bytes = k_stem_marker.size() + 1;

/// Value slot holding the passage's file path, read for every candidate at search time (values
/// are stored apart from the document data, so reading them is cheap): a file with several good
/// passages is evidence for each of them (see Searcher's file evidence).
constexpr unsigned k_file_slot = 0;

/// Document data holds the encoded PassageRecord (see passage_record.h).
/// Metadata keys:
constexpr std::string_view k_meta_format = "kosh.format";                 // index format version
constexpr std::string_view k_meta_language = "kosh.language";             // stemming language
constexpr std::string_view k_meta_indexed_at = "kosh.indexed_at";         // UTC, ISO 8601
constexpr std::string_view k_meta_file_prefix = "kosh.file:";             // + path -> FileState (see file_state_key)
constexpr std::string_view k_meta_synonyms = "kosh.synonyms";             // the synonym groups, as a synonyms file
constexpr std::string_view k_meta_average_length = "kosh.average_length"; // the reference length of length_norm.h
constexpr std::string_view k_meta_roots = "kosh.roots";                   // the roots (index_roots.h)

/// Synonym table (Xapian's): the key is "Z" + the stems of a word or phrase joined by single
/// spaces; its values are the other entries of its group, as normalized words joined by spaces.
/// The spelling table holds the passage text's words (see is_spelling_word), with their counts.

/// Bump when the terms, data or metadata change incompatibly. Format 2 folded headings and titles
/// into the ranking term (format 1 kept them apart); format 3 scales every wdf by the passage's
/// length (length_norm.h); format 4 stores each passage's code spans and its file's format in
/// the record, and each file's format in its FileState; format 5 stores each passage's page or
/// chapter (parse/location.h), and its file's path in value slot k_file_slot; format 6 names files
/// by absolute path and keeps the index's roots. `kosh index --rebuild` upgrades in place.
constexpr int k_format_version = 6;

/// True when `format` (the k_meta_format metadata) names a format older than this kosh's: one
/// that --rebuild can replace in place, as its documents and metadata keys are known.
inline bool is_older_format(std::string_view format)
{
    int version = 0;
    const auto [end, error] = std::from_chars(format.data(), format.data() + format.size(), version);
    return error == std::errc{} && end == format.data() + format.size() && version >= 1 && version < k_format_version;
}

inline std::string stemmed_term(std::string_view field_prefix, std::string_view stem)
{
    std::string term(k_stem_marker);
    term += field_prefix;
    term += stem;
    return term;
}

/// True for a ranking term, "Z" + stem: field prefixes are upper case, stems never are.
inline bool is_ranking_term(std::string_view term)
{
    return term.size() > k_stem_marker.size() && term.starts_with(k_stem_marker) &&
           !is_ascii_upper(term[k_stem_marker.size()]);
}

inline std::string synonym_key(const std::vector<std::string>& stems)
{
    std::string key(k_stem_marker);
    for (std::size_t i = 0; i < stems.size(); ++i) {
        if (i > 0) {
            key += ' ';
        }
        key += stems[i];
    }
    return key;
}

/// Words worth offering as spelling corrections: no digits (numbers are not misspelt words), no
/// underscores (identifiers), and at least three bytes (shorter ones are one edit away from too much).
inline bool is_spelling_word(std::string_view word)
{
    if (word.size() < 3 || word.size() > 64 || is_ascii_upper(word[0])) {
        return false;
    }
    for (const char c : word) {
        if (is_ascii_digit(c) || c == '_') { // nor identifiers (analyze/identifiers.h)
            return false;
        }
    }
    return true;
}

/// Glass refuses keys over 255 bytes, and a metadata key is stored with 2 bytes before it ("Key
/// too long"): a longer path is keyed by a hash of it ("kosh.file:#" + 16 hex digits) and its
/// FileState carries the path itself. Paths that fit keep the key they always had.
constexpr std::size_t k_max_meta_key_bytes = 253;

/// True when `path` cannot be spelled out in its metadata key.
inline bool needs_hashed_key(std::string_view path)
{
    return k_meta_file_prefix.size() + path.size() > k_max_meta_key_bytes;
}

inline std::string field_term(std::string_view field_prefix, std::string_view word)
{
    std::string term(field_prefix);
    term += word;
    return term;
}

} // namespace kosh::schema
