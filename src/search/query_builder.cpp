// Turns a question or a query string into a Xapian query, using the index-time analysis.
#include "search/query_builder.h"

#include "analyze/identifiers.h"
#include "analyze/normalizer.h"
#include "analyze/stopwords.h"
#include "index/schema.h"
#include "search/spelling.h"
#include "util/ascii.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace kosh {

QuestionTerms analyze_question(Analyzer& analyzer, std::string_view question)
{
    QuestionTerms terms;
    terms.tokens = analyzer.analyze(question);
    for (const auto& token : terms.tokens) {
        terms.all.words.push_back(token.token.term);
        terms.all.stems.push_back(token.stem);
    }
    auto take_words = [&](bool content_only) {
        for (const auto& token : terms.tokens) {
            if (content_only && is_stopword(token.token.term)) {
                continue;
            }
            terms.words.push_back(token.token.term);
            terms.word_stems.push_back(token.stem);
            if (std::find(terms.stems.begin(), terms.stems.end(), token.stem) == terms.stems.end()) {
                terms.stems.push_back(token.stem);
            }
        }
    };
    take_words(true);
    if (terms.words.empty()) {
        terms.only_stopwords = true;
        take_words(false);
    }
    // An identifier counts as one more word beside its own words (`to` of to_datetime is a
    // stopword, but to_datetime names one thing): the passages that spell it out win.
    std::vector<Token> words;
    for (const auto& token : terms.tokens) {
        words.push_back(token.token);
    }
    for (const auto& identifier : identifier_tokens(question, words)) {
        const std::string& stem = analyzer.stem(identifier.term);
        terms.words.push_back(identifier.term);
        terms.word_stems.push_back(stem);
        if (std::find(terms.stems.begin(), terms.stems.end(), stem) == terms.stems.end()) {
            terms.stems.push_back(stem);
        }
    }
    return terms;
}

std::vector<WeightedTerm> question_query_leaves(const QuestionTerms& terms)
{
    std::vector<WeightedTerm> leaves;
    for (const auto& stem : terms.stems) {
        if (!schema::fits_term(schema::k_max_stemmed_prefix_bytes, stem)) {
            continue;
        }
        leaves.push_back({schema::stemmed_term(schema::k_body_prefix, stem), 1.0});
    }
    return leaves;
}

namespace {

/// A word (its ranking term) or a phrase (its words' positional terms in the text, adjacent).
Xapian::Query phrase_query(const Phrase& phrase)
{
    if (phrase.words.size() == 1) {
        return Xapian::Query(schema::stemmed_term(schema::k_body_prefix, phrase.stems.front()));
    }
    std::vector<Xapian::Query> words;
    for (const auto& word : phrase.words) {
        words.emplace_back(schema::field_term(schema::k_body_prefix, word));
    }
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                         static_cast<Xapian::termcount>(words.size()));
}

Xapian::Query synonym_query(const SynonymUse& use)
{
    std::vector<Xapian::Query> choices{phrase_query(use.original)};
    for (const auto& alternative : use.alternatives) {
        choices.push_back(phrase_query(alternative));
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, choices.begin(), choices.end());
}

} // namespace

Xapian::Query build_question_query(const QuestionTerms& terms)
{
    // The ranking terms hold headings and titles as well as the text (see schema.h).
    std::vector<Xapian::Query> clauses;
    // A phrase with synonyms is one unit, as its synonyms are: its words do not also count alone,
    // or a passage naming it ("Soviet Union") would outrank one using the synonym ("USSR").
    std::set<std::string> in_phrases;
    for (const auto& use : terms.synonyms) {
        if (use.original.words.size() > 1) {
            in_phrases.insert(use.original.stems.begin(), use.original.stems.end());
        }
    }
    for (const auto& stem : terms.stems) {
        if (!schema::fits_term(schema::k_max_stemmed_prefix_bytes, stem) || in_phrases.count(stem)) {
            continue;
        }
        const auto use = std::find_if(terms.synonyms.begin(), terms.synonyms.end(), [&](const SynonymUse& candidate) {
            return candidate.original.stems.size() == 1 && candidate.original.stems.front() == stem;
        });
        if (use != terms.synonyms.end()) {
            clauses.push_back(synonym_query(*use));
        } else {
            clauses.emplace_back(schema::stemmed_term(schema::k_body_prefix, stem));
        }
    }
    for (const auto& use : terms.synonyms) {
        if (use.original.words.size() > 1) {
            clauses.push_back(synonym_query(use));
        }
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

/// An identifier with underscores (find_package, CMAKE_BUILD_TYPE, __init__): the whole
/// identifier, as the index holds it beside its words, or else those words one after the other
/// (joined by '-', which Xapian's query parser reads as a phrase), for text that spells it apart.
std::string identifier_query(std::string_view word)
{
    std::string phrase;
    std::size_t begin = 0;
    while (begin <= word.size()) {
        std::size_t end = word.find('_', begin);
        end = end == std::string_view::npos ? word.size() : end;
        if (end > begin) {
            phrase += phrase.empty() ? "" : "-";
            phrase += normalize_word(word.substr(begin, end - begin));
        }
        begin = end + 1;
    }
    const std::string whole = ascii_lower(word);
    return phrase.empty() || phrase == whole ? whole : "(" + whole + " OR " + phrase + ")";
}

} // namespace

std::string normalize_query_text(std::string_view query)
{
    std::string out;
    out.reserve(query.size());
    std::size_t i = 0;
    bool quoted = false;
    while (i < query.size()) {
        if (!is_word_byte(query[i])) {
            // A long option (--no-verify) is never "exclude -no-verify": it is searched as the
            // index holds it, whole (in identifier form) or as the phrase of its words.
            const bool starts_word = i == 0 || query[i - 1] == ' ' || query[i - 1] == '\t' || query[i - 1] == '(';
            if (starts_word && query.substr(i).starts_with("--") && i + 2 < query.size() &&
                is_word_byte(query[i + 2])) {
                std::size_t end = i + 2;
                while (end < query.size() && (is_word_byte(query[end]) || query[end] == '-')) {
                    ++end;
                }
                std::string_view option = query.substr(i, end - i);
                while (option.ends_with('-')) {
                    option.remove_suffix(1);
                }
                const std::string whole = long_option_term(option);
                out += quoted ? whole : "(" + whole + " OR " + ascii_lower(option.substr(2)) + ")";
                i = end;
                continue;
            }
            quoted = query[i] == '"' ? !quoted : quoted;
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
        } else if (is_identifier(word)) {
            // Whole only where a group cannot go: in a phrase (where the whole term stands at its
            // first word's place), after a field name or a +/- sign, or before a wildcard.
            const char before = i > 0 ? query[i - 1] : ' ';
            const bool alone =
                quoted || before == ':' || before == '+' || before == '-' || (end < query.size() && query[end] == '*');
            out += alone ? ascii_lower(word) : identifier_query(word);
        } else {
            out += normalize_word(word);
        }
        i = end;
    }
    return out;
}

std::string resolve_path_filters(std::string_view query, const PathForms& forms)
{
    constexpr std::string_view k_field = "path:";
    std::string out;
    std::size_t copied = 0;
    for (std::size_t at = query.find(k_field); at != std::string_view::npos; at = query.find(k_field, at + 1)) {
        // A field begins a word: at the start, or after a space, a bracket or a +/- sign.
        if (at > 0 && std::string_view(" \t(+-").find(query[at - 1]) == std::string_view::npos) {
            continue;
        }
        const std::size_t begin = at + k_field.size();
        std::size_t end = begin;
        while (end < query.size() && query[end] != ' ' && query[end] != '\t' && query[end] != ')') {
            ++end;
        }
        if (end == begin || query[begin] == '"') {
            continue; // no value, or a quoted one: left to the parser as written
        }
        out.append(query.substr(copied, begin - copied));
        out += forms.resolved(query.substr(begin, end - begin));
        copied = end;
    }
    out.append(query.substr(copied));
    return out;
}

namespace {

Xapian::QueryParser make_parser(Analyzer& analyzer, const Xapian::Database& db, DefaultOperator default_operator)
{
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
    return parser;
}

constexpr unsigned k_parser_flags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

/// A word of a query that may stand for itself in a synonym lookup: outside quotes, not a field
/// name or value, not a wildcard, not an operator, and with only spaces or brackets around it.
struct PlainWord {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The query's plain words, split into runs that only spaces separate.
std::vector<std::vector<PlainWord>> plain_word_runs(std::string_view query)
{
    std::vector<std::vector<PlainWord>> runs(1);
    bool quoted = false;
    std::size_t i = 0;
    auto end_run = [&] {
        if (!runs.back().empty()) {
            runs.emplace_back();
        }
    };
    while (i < query.size()) {
        if (!is_word_byte(query[i])) {
            if (query[i] == '"') {
                quoted = !quoted;
            }
            if (query[i] != ' ' && query[i] != '\t') {
                end_run();
            }
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && is_word_byte(query[end])) {
            ++end;
        }
        const std::string_view word = query.substr(i, end - i);
        const char before = i == 0 ? ' ' : query[i - 1];
        const char after = end == query.size() ? ' ' : query[end];
        const bool open_before = before == ' ' || before == '\t' || before == '(';
        const bool open_after = after == ' ' || after == '\t' || after == ')';
        const bool is_operator = std::find(k_operators.begin(), k_operators.end(), word) != k_operators.end();
        if (before == '(') {
            end_run(); // "a (b" must not join a and b into one phrase lookup
        }
        if (!quoted && open_before && open_after && !is_operator) {
            runs.back().push_back(PlainWord{i, end});
        } else {
            end_run();
        }
        if (after == ')') {
            end_run();
        }
        i = end;
    }
    return runs;
}

std::string quoted_if_phrase(const Phrase& phrase)
{
    const std::string words = fmt::format("{}", fmt::join(phrase.words, " "));
    return phrase.words.size() > 1 ? "\"" + words + "\"" : words;
}

} // namespace

std::string expand_query_synonyms(std::string_view query, Analyzer& analyzer, const Xapian::Database& db)
{
    if (db.synonym_keys_begin() == db.synonym_keys_end()) {
        return std::string(query);
    }
    std::string out;
    std::size_t copied = 0;
    for (const auto& run : plain_word_runs(query)) {
        std::vector<std::string> words;
        std::vector<std::string> stems;
        for (const auto& word : run) {
            words.emplace_back(query.substr(word.begin, word.end - word.begin));
            stems.push_back(analyzer.stem(words.back()));
        }
        for (const auto& use : find_synonyms(db, analyzer, words, stems)) {
            const std::size_t begin = run[use.first_word].begin;
            const std::size_t end = run[use.first_word + use.original.words.size() - 1].end;
            out += query.substr(copied, begin - copied);
            out += '(';
            const std::string_view original = query.substr(begin, end - begin);
            out += use.original.words.size() > 1 ? fmt::format("({})", original) : std::string(original);
            for (const auto& alternative : use.alternatives) {
                out += " OR ";
                out += quoted_if_phrase(alternative);
            }
            out += ')';
            copied = end;
        }
    }
    out += query.substr(copied);
    return out;
}

std::string correct_query_spelling(std::string_view query, Analyzer& analyzer, const Xapian::Database& db)
{
    std::string corrected;
    std::size_t copied = 0;
    for (const auto& run : plain_word_runs(query)) {
        for (const auto& word : run) {
            const std::string suggestion =
                suggest_spelling(db, analyzer, std::string(query.substr(word.begin, word.end - word.begin)));
            if (suggestion.empty()) {
                continue;
            }
            corrected.append(query.substr(copied, word.begin - copied));
            corrected += suggestion;
            copied = word.end;
        }
    }
    if (copied == 0) {
        return {};
    }
    corrected.append(query.substr(copied));
    return corrected;
}

std::optional<QueryItems> split_query_items(std::string_view query)
{
    QueryItems items;
    std::string current;
    bool explicit_logic = false;
    auto flush = [&] {
        if (current.empty()) {
            return;
        }
        for (const auto op : k_operators) {
            if (current == op || current.starts_with(std::string(op) + "/")) {
                explicit_logic = true;
            }
        }
        if (current.front() == '+' || current.front() == '-') {
            explicit_logic = true;
        }
        (current.starts_with("path:") ? items.filters : items.terms).push_back(std::move(current));
        current.clear();
    };
    bool quoted = false;
    int depth = 0;
    for (const char c : query) {
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '(') {
            ++depth;
        } else if (!quoted && c == ')' && depth > 0) {
            --depth;
        }
        if (!quoted && depth == 0 && (c == ' ' || c == '\t')) {
            flush();
            continue;
        }
        current += c;
    }
    flush();
    if (explicit_logic) {
        return std::nullopt;
    }
    return items;
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
    Xapian::QueryParser parser = make_parser(analyzer, db, default_operator);
    try {
        return parser.parse_query(expand_query_synonyms(normalize_query_text(query), analyzer, db), k_parser_flags);
    } catch (const Xapian::QueryParserError& error) {
        throw Error(fmt::format("cannot parse query: {}", error.get_msg()));
    }
}

} // namespace kosh
