// Takes a passage's BM25 score apart into each query term's share, field by field.
#include "search/score_breakdown.h"

#include "index/schema.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace kosh {

namespace {

enum class Field { body, heading, title };

struct TermName {
    std::string word;
    Field field = Field::body;
};

// Indexed words are case-folded, so an upper-case first letter is always a prefix (schema.h).
TermName name_of(std::string_view term)
{
    if (term.starts_with(schema::k_stem_marker)) {
        term.remove_prefix(schema::k_stem_marker.size());
    }
    if (term.starts_with(schema::k_section_prefix)) {
        return {std::string(term.substr(schema::k_section_prefix.size())), Field::heading};
    }
    if (term.starts_with(schema::k_title_prefix)) {
        return {std::string(term.substr(schema::k_title_prefix.size())), Field::title};
    }
    return {std::string(term), Field::body};
}

Xapian::termcount wdf_in(const Xapian::Database& db, Xapian::docid docid, const std::string& term)
{
    Xapian::TermIterator it = db.termlist_begin(docid);
    it.skip_to(term);
    return it != db.termlist_end(docid) && *it == term ? it.get_wdf() : 0;
}

/// A ranking term counts its word's heading and title occurrences as well as the text's (see
/// schema.h): its weight is shared out in proportion to what each field added to its frequency.
/// Frequencies, not wdfs: each wdf was rounded on its own (length_norm.h). `divisor` is the
/// passage's, from its length.
void add_ranking_term_shares(TermContribution& contribution, double weight, Xapian::termcount wdf, double divisor,
                             const Xapian::Database& db, Xapian::docid docid)
{
    const std::string& stem = contribution.term;
    auto frequency = [&](std::string_view prefix) {
        const Xapian::termcount field_wdf = wdf_in(db, docid, schema::stemmed_term(prefix, stem));
        return field_wdf == 0 ? 0.0 : static_cast<double>(LengthNorm::frequency_of(field_wdf, divisor));
    };
    const double heading = frequency(schema::k_section_prefix) * schema::k_heading_wdf;
    const double title = frequency(schema::k_title_prefix) * schema::k_title_wdf;
    const double total = std::max(static_cast<double>(LengthNorm::frequency_of(wdf, divisor)), heading + title);
    contribution.heading += weight * heading / total;
    contribution.title += weight * title / total;
    contribution.body += weight * (total - heading - title) / total;
}

} // namespace

std::vector<TermContribution> bm25_contributions(const Xapian::Database& db, Xapian::docid docid,
                                                 const std::vector<WeightedTerm>& leaves, const Bm25Settings& settings)
{
    const LengthNorm norm = read_length_norm(db);
    const double collection_size = db.get_doccount();
    const double average_length = db.get_avlength();
    const double doclength = db.get_doclength(docid);
    std::vector<TermContribution> out;
    for (const WeightedTerm& leaf : leaves) {
        if (leaf.term.empty() || leaf.term.starts_with(schema::k_path_prefix)) {
            continue;
        }
        const Xapian::termcount wdf = wdf_in(db, docid, leaf.term);
        if (wdf == 0) {
            continue;
        }
        const double weight = leaf_score(collection_size, db.get_termfreq(leaf.term), leaf.factor, wdf, doclength,
                                         average_length, settings, norm);
        const TermName name = name_of(leaf.term);
        auto found =
            std::find_if(out.begin(), out.end(), [&](const TermContribution& c) { return c.term == name.word; });
        if (found == out.end()) {
            out.push_back(TermContribution{name.word});
            found = out.end() - 1;
        }
        switch (name.field) {
        case Field::body:
            if (leaf.term.starts_with(schema::k_stem_marker)) {
                add_ranking_term_shares(*found, weight, wdf, norm.divisor(LengthNorm::length_from_doclength(doclength)),
                                        db, docid);
            } else {
                found->body += weight;
            }
            break;
        case Field::heading: found->heading += weight; break;
        case Field::title: found->title += weight; break;
        }
    }
    return out;
}

std::vector<WeightedTerm> parsed_query_leaves(const Xapian::Query& query)
{
    std::vector<WeightedTerm> leaves;
    for (auto term = query.get_terms_begin(); term != query.get_terms_end(); ++term) {
        leaves.push_back(WeightedTerm{*term, 1.0});
    }
    return leaves;
}

} // namespace kosh
