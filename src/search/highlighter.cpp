// Finds the words of a text that a query matched, as byte spans for printers to mark up.
#include "search/highlighter.h"

#include "index/schema.h"

namespace kosh {

namespace {

// Field prefixes are upper-case ASCII; indexed words are case-folded, so never start with one.
std::string_view strip_field_prefix(std::string_view term)
{
    for (const auto prefix : {schema::k_section_prefix, schema::k_title_prefix}) {
        if (term.starts_with(prefix)) {
            return term.substr(prefix.size());
        }
    }
    return term;
}

} // namespace

void MatchTerms::add_index_term(const std::string& term)
{
    std::string_view view = term;
    if (view.empty() || view.starts_with(schema::k_path_prefix)) {
        return;
    }
    if (view.starts_with(schema::k_stem_marker)) {
        stems.emplace(strip_field_prefix(view.substr(schema::k_stem_marker.size())));
    } else {
        words.emplace(strip_field_prefix(view));
    }
}

void MatchTerms::add_wildcards(std::string_view query)
{
    for (std::size_t star = query.find('*'); star != std::string_view::npos; star = query.find('*', star + 1)) {
        std::size_t begin = star;
        while (begin > 0 && query[begin - 1] != ' ' && query[begin - 1] != ':' && query[begin - 1] != '(' &&
               query[begin - 1] != '"' && query[begin - 1] != '\t') {
            --begin;
        }
        if (begin < star) {
            prefixes.emplace(query.substr(begin, star - begin));
        }
    }
}

namespace {

bool has_prefix_in(const std::string& term, const std::set<std::string>& prefixes)
{
    for (const auto& prefix : prefixes) {
        if (term.starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

} // namespace

std::vector<ByteSpan> find_highlights(std::string_view text, const MatchTerms& terms, Analyzer& analyzer)
{
    std::vector<ByteSpan> spans;
    if (terms.empty()) {
        return spans;
    }
    // Most words match nothing; those that cannot stem to a matched stem are not stemmed.
    StemInitials initials;
    initials.add_all(terms.stems);
    for (const auto& token : tokenize(text)) {
        if (terms.words.count(token.term) || terms.stems.count(analyzer.stem_among(token.term, initials)) ||
            has_prefix_in(token.term, terms.prefixes)) {
            spans.push_back(ByteSpan{token.begin, token.end});
        }
    }
    return spans;
}

} // namespace kosh
