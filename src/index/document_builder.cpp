// Turns one passage record into the Xapian document that stores it: terms, positions, scaled
// wdfs, path filters and the record itself.
#include "index/document_builder.h"

#include "analyze/identifiers.h"

#include "index/file_names.h"
#include "index/schema.h"

#include <iterator>
#include <utility>
#include <vector>

namespace kosh {

namespace {

// Room for the longest term a word makes in the field: its stem behind the stem marker.
bool indexable(const Token& token, std::string_view prefix)
{
    return schema::fits_term(schema::k_stem_marker.size() + prefix.size(), token.term);
}

/// The words of `text`, then its identifiers (analyze/identifiers.h), which are indexed as words too.
std::vector<Token> indexed_tokens(std::string_view text)
{
    std::vector<Token> tokens = tokenize(text);
    std::vector<Token> identifiers = identifier_tokens(text, tokens);
    tokens.insert(tokens.end(), std::make_move_iterator(identifiers.begin()),
                  std::make_move_iterator(identifiers.end()));
    return tokens;
}

std::size_t field_length(std::string_view prefix, std::string_view text, unsigned ranking_wdf)
{
    std::size_t length = 0;
    for (const auto& token : indexed_tokens(text)) {
        length += indexable(token, prefix) ? ranking_wdf : 0;
    }
    return length;
}

} // namespace

Xapian::Document DocumentBuilder::build(const PassageRecord& record, WordCounts& spellings)
{
    Xapian::Document document;
    m_frequencies.clear();
    add_field(document, schema::k_body_prefix, record.passage.text, 1, &spellings);
    for (const auto& section : record.passage.sections) {
        add_field(document, schema::k_section_prefix, section, schema::k_heading_wdf);
    }
    add_field(document, schema::k_title_prefix, record.title, schema::k_title_wdf);
    m_norm.add_terms(document, m_frequencies);
    for (const auto& term : path_terms(record.path)) {
        document.add_boolean_term(term);
    }
    document.add_boolean_term(file_term(record.path));
    document.add_value(schema::k_file_slot, record.path);
    document.set_data(encode_record(record));
    return document;
}

std::size_t DocumentBuilder::passage_length(const PassageRecord& record)
{
    std::size_t length = field_length(schema::k_body_prefix, record.passage.text, 1);
    for (const auto& section : record.passage.sections) {
        length += field_length(schema::k_section_prefix, section, schema::k_heading_wdf);
    }
    return length + field_length(schema::k_title_prefix, record.title, schema::k_title_wdf);
}

/// Each word of `text`, and each identifier (at its first word's position): positional in the
/// field, stemmed in the field, and stemmed in the ranking term counted `ranking_wdf` times (see
/// schema.h). Positions go to the document now; frequencies are counted, and become wdfs once
/// the passage's length is known.
void DocumentBuilder::add_field(Xapian::Document& document, std::string_view prefix, std::string_view text,
                                unsigned ranking_wdf, WordCounts* spellings)
{
    for (const auto& token : indexed_tokens(text)) {
        if (!indexable(token, prefix)) {
            continue;
        }
        const std::string& stem = m_analyzer.stem(token.term);
        std::string positional = schema::field_term(prefix, token.term);
        document.add_posting(positional, token.position + 1, 0);
        ++m_frequencies[std::move(positional)];
        if (!prefix.empty()) {
            ++m_frequencies[schema::stemmed_term(prefix, stem)];
        }
        m_frequencies[schema::stemmed_term(schema::k_body_prefix, stem)] += ranking_wdf;
        if (spellings && schema::is_spelling_word(token.term)) {
            ++(*spellings)[token.term];
        }
    }
}

} // namespace kosh
