// Turns a question or a query string into a Xapian query, using the index-time analysis.
#include "search/query_builder.h"

#include "analyze/normalizer.h"
#include "analyze/stopwords.h"
#include "index/schema.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace kosh {

QuestionTerms analyze_question(Analyzer& analyzer, std::string_view question)
{
    QuestionTerms all;
    QuestionTerms content;
    for (const auto& token : analyzer.analyze(question)) {
        for (QuestionTerms* terms : {&all, &content}) {
            if (terms == &content && is_stopword(token.token.term)) {
                continue;
            }
            terms->words.push_back(token.token.term);
            if (std::find(terms->stems.begin(), terms->stems.end(), token.stem) == terms->stems.end()) {
                terms->stems.push_back(token.stem);
            }
        }
    }
    return content.stems.empty() ? all : content;
}

Xapian::Query build_question_query(const QuestionTerms& terms, const FieldWeights& weights)
{
    std::vector<Xapian::Query> clauses;
    for (const auto& stem : terms.stems) {
        if (stem.size() + 2 > schema::k_max_term_bytes) {
            continue;
        }
        clauses.emplace_back(schema::stemmed_term(schema::k_body_prefix, stem));
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(schema::stemmed_term(schema::k_section_prefix, stem)), weights.section);
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(schema::stemmed_term(schema::k_title_prefix, stem)), weights.title);
    }
    return Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
}

namespace {

constexpr auto k_operators = std::to_array<std::string_view>({"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"});

bool is_word_byte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '\'' || c == '_';
}

} // namespace

std::string normalize_query_text(std::string_view query)
{
    std::string out;
    out.reserve(query.size());
    std::size_t i = 0;
    while (i < query.size()) {
        if (!is_word_byte(query[i])) {
            out += query[i++];
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && is_word_byte(query[end])) {
            ++end;
        }
        const std::string_view word = query.substr(i, end - i);
        const bool is_operator = std::find(k_operators.begin(), k_operators.end(), word) != k_operators.end();
        if (word == "path" && end < query.size() && query[end] == ':') {
            // A path filter's value is matched byte for byte: copy it through to the next space.
            while (end < query.size() && query[end] != ' ' && query[end] != '\t') {
                ++end;
            }
            out += query.substr(i, end - i);
        } else if (is_operator) {
            out += word;
        } else {
            out += normalize_word(word);
        }
        i = end;
    }
    return out;
}

Xapian::Query parse_search_query(std::string_view query, Analyzer& analyzer, const Xapian::Database& db,
                                 DefaultOperator default_operator)
{
    // Xapian matches an OR of thousands of words very slowly (a pasted file as a query took
    // minutes), and no one types such a query on purpose: refuse it with a clear message.
    std::size_t words = 0;
    for_each_word(query, [&](std::size_t, std::size_t) { ++words; });
    if (words > k_max_query_words) {
        throw Error(fmt::format("the query has {} words; kosh search takes at most {}", words, k_max_query_words));
    }
    Xapian::QueryParser parser;
    parser.set_database(db);
    if (analyzer.language() != "none") {
        parser.set_stemmer(Xapian::Stem(analyzer.language()));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    parser.set_default_op(default_operator == DefaultOperator::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // Unqualified words search the text, the headings and the title alike.
    parser.add_prefix("", std::string(schema::k_body_prefix));
    parser.add_prefix("", std::string(schema::k_section_prefix));
    parser.add_prefix("", std::string(schema::k_title_prefix));
    parser.add_prefix("title", std::string(schema::k_title_prefix));
    parser.add_prefix("section", std::string(schema::k_section_prefix));
    parser.add_prefix("heading", std::string(schema::k_section_prefix));
    parser.add_boolean_prefix("path", std::string(schema::k_path_prefix));
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    try {
        return parser.parse_query(normalize_query_text(query), flags);
    } catch (const Xapian::QueryParserError& error) {
        throw Error(fmt::format("cannot parse query: {}", error.get_msg()));
    }
}

} // namespace kosh
