// Runs questions and queries against an open index and assembles ranked, highlighted results.
#include "search/searcher.h"

#include "analyze/stopwords.h"
#include "index/passage_record.h"
#include "index/schema.h"
#include "search/answer_picker.h"
#include "search/coverage_gate.h"
#include "search/duplicate_passages.h"
#include "search/highlighter.h"
#include "search/passage_context.h"
#include "search/ranking_weight.h"
#include "search/relaxation.h"
#include "search/score_breakdown.h"
#include "search/spelling.h"
#include "util/ascii.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace kosh {

Searcher::Searcher(Xapian::Database db, const std::string& language)
    : m_db(std::move(db)), m_analyzer(language), m_enquire(m_db)
{
}

void Searcher::set_query(const Xapian::Query& query)
{
    m_enquire.set_query(query);
    m_matching_terms.clear(); // they were for the previous query
}

const std::vector<std::string>& Searcher::matching_terms(Xapian::docid docid)
{
    auto [entry, added] = m_matching_terms.try_emplace(docid);
    if (added) {
        for (auto term = m_enquire.get_matching_terms_begin(docid); term != m_enquire.get_matching_terms_end(docid);
             ++term) {
            entry->second.push_back(*term);
        }
    }
    return entry->second;
}

double Searcher::term_weight(const std::string& stem)
{
    // An idf that stays positive and finite for words the corpus lacks (df = 0).
    const double documents = m_db.get_doccount();
    const double frequency = m_db.get_termfreq(schema::stemmed_term(schema::k_body_prefix, stem));
    return std::log(1.0 + documents / (1.0 + frequency));
}

std::vector<PassageHit> Searcher::run(const Xapian::Query& query, const SearchOptions& options, int fetch,
                                      const std::function<bool(const Xapian::MSetIterator&)>& keep,
                                      const MatchTerms& also_highlight, const std::vector<WeightedTerm>& leaves,
                                      std::vector<PassageExplanation>* explained, const Reorder& reorder)
{
    set_query(use_ranking(m_enquire, m_db, query, options.bm25));
    m_enquire.set_docid_order(Xapian::Enquire::ASCENDING); // equal scores keep corpus order
    // File evidence looks deeper than the candidates: only at each one's file and score.
    const bool weigh_files = reorder && options.file_weight > 0.0;
    const int depth = weigh_files ? std::max(fetch, options.file_depth) : fetch;
    const Xapian::MSet mset = m_enquire.get_mset(0, static_cast<Xapian::doccount>(depth));
    std::vector<PassageHit> hits;
    std::vector<Xapian::docid> docids; // beside `hits`, before reordering
    for (auto item = mset.begin(); item != mset.end() && static_cast<int>(hits.size()) < fetch; ++item) {
        if (!keep(item)) {
            continue;
        }
        const auto record = decode_record(item.get_document().get_data());
        if (!record) {
            throw Fatal(
                fmt::format("document {} has no passage record this kosh can read; run 'kosh index --rebuild'", *item));
        }
        PassageHit hit;
        hit.rank = static_cast<int>(hits.size()) + 1;
        hit.score = item.get_weight();
        hit.path = record->path;
        hit.line = record->passage.first_line;
        hit.last_line = record->passage.last_line;
        hit.page = record->passage.page;
        hit.chapter = record->passage.chapter;
        hit.title = record->title;
        hit.sections = record->passage.sections;
        hit.text = record->passage.text;
        hit.code = tidy_spans(record->passage.code, hit.text.size());
        hit.format = record->format;
        docids.push_back(*item);
        hits.push_back(std::move(hit));
    }
    std::vector<RerankBonus> bonuses =
        reorder ? reorder(hits, weigh_files ? file_evidence(mset, hits, options.file_cap) : std::vector<double>{})
                : unmoved(hits.size());
    if (reorder) {
        keep_distinct(hits, bonuses); // `ask` answers; `search` lists every file that matches
    }
    if (static_cast<int>(hits.size()) > options.limit) {
        hits.resize(static_cast<std::size_t>(options.limit));
    }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        // Matching terms come from each document's term list, a read per document: only for those kept.
        const Xapian::docid docid = docids[bonuses[i].from];
        MatchTerms matched = also_highlight;
        for (const auto& term : matching_terms(docid)) {
            matched.add_index_term(term);
        }
        hits[i].highlights = find_highlights(hits[i].text, matched, m_analyzer);
        if (explained) {
            explained->push_back(explain_passage(hits[i], docid, leaves, bonuses[i], options));
        }
    }
    return hits;
}

void Searcher::keep_distinct(std::vector<PassageHit>& hits, std::vector<RerankBonus>& bonuses)
{
    const std::vector<std::size_t> kept = distinct_passages(hits);
    if (kept.size() == hits.size()) {
        return;
    }
    std::vector<PassageHit> distinct;
    std::vector<RerankBonus> their_bonuses;
    for (const std::size_t i : kept) {
        distinct.push_back(std::move(hits[i]));
        distinct.back().rank = static_cast<int>(distinct.size());
        their_bonuses.push_back(bonuses[i]);
    }
    hits = std::move(distinct);
    bonuses = std::move(their_bonuses);
}

std::vector<double> Searcher::file_evidence(const Xapian::MSet& mset, const std::vector<PassageHit>& hits, double cap)
{
    std::vector<double> evidence(hits.size(), 0.0);
    if (mset.empty() || mset.begin().get_weight() <= 0.0) {
        return evidence;
    }
    const double top = mset.begin().get_weight();
    std::unordered_map<std::string, double> by_file;
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        by_file[item.get_document().get_value(schema::k_file_slot)] += item.get_weight() / top;
    }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        // The others' share: a hit's own score is already its score.
        const auto found = by_file.find(hits[i].path);
        const double own = hits[i].score / top;
        evidence[i] = found == by_file.end() ? 0.0 : std::clamp(found->second - own, 0.0, cap);
    }
    return evidence;
}

PassageExplanation Searcher::explain_passage(const PassageHit& hit, Xapian::docid docid,
                                             const std::vector<WeightedTerm>& leaves, const RerankBonus& bonus,
                                             const SearchOptions& options) const
{
    PassageExplanation explanation;
    explanation.rank = hit.rank;
    explanation.score = hit.score;
    explanation.terms = bm25_contributions(m_db, docid, leaves, options.bm25);
    if (bonus.sentence > 0.0) {
        explanation.bonuses.push_back(ScoreBonus{"sentence", bonus.sentence});
    }
    if (bonus.proximity > 0.0) {
        explanation.bonuses.push_back(ScoreBonus{"proximity", bonus.proximity});
    }
    if (bonus.file > 0.0) {
        explanation.bonuses.push_back(ScoreBonus{"file", bonus.file});
    }
    double accounted = 0.0;
    for (const auto& term : explanation.terms) {
        accounted += term.total();
    }
    for (const auto& added : explanation.bonuses) {
        accounted += added.value;
    }
    explanation.other = hit.score - accounted;
    return explanation;
}

namespace {

// Accepts stemmed passage-text terms ("Z" + stem) that are not already in the question.
class BodyStemDecider : public Xapian::ExpandDecider {
public:
    explicit BodyStemDecider(const QuestionTerms& terms) : m_terms(terms) {}
    bool operator()(const std::string& term) const override
    {
        if (!schema::is_ranking_term(term)) {
            return false;
        }
        const std::string stem = term.substr(schema::k_stem_marker.size());
        if (stem.size() < 2 || is_stopword(stem) || is_ascii_digit(stem[0])) {
            return false;
        }
        return std::find(m_terms.stems.begin(), m_terms.stems.end(), stem) == m_terms.stems.end();
    }

private:
    const QuestionTerms& m_terms;
};

} // namespace

Xapian::Query Searcher::expand(const Xapian::Query& query, const QuestionTerms& terms, const SearchOptions& options)
{
    set_query(query);
    const Xapian::MSet top = m_enquire.get_mset(0, static_cast<Xapian::doccount>(options.expand_passages));
    if (top.empty()) {
        return query;
    }
    Xapian::RSet relevant;
    for (auto item = top.begin(); item != top.end(); ++item) {
        relevant.add_document(*item);
    }
    const BodyStemDecider decider(terms);
    // Feedback's term weighting (Xapian's "trad") saturates wdf with k = 1 frequency unit, and
    // the index stores k_wdf_scale units per occurrence (length_norm.h). Its own length factor
    // comes on top of the index's division, so long feedback passages count for a little less
    // than they did before it (measured: cranfield, med and SQuAD no worse,
    // bench/runs/2026-11-28-index-format-3.md).
    m_enquire.set_expansion_scheme("trad", k_wdf_scale);
    const Xapian::ESet words =
        m_enquire.get_eset(static_cast<Xapian::termcount>(options.expand_terms), relevant, &decider);
    // The added words together weigh expand_weight times the question's words, shared by how
    // strongly the feedback passages suggest each: many weak guesses must not outvote the question.
    double suggested = 0.0;
    for (auto word = words.begin(); word != words.end(); ++word) {
        suggested += word.get_weight();
    }
    if (suggested <= 0.0 || options.expand_weight <= 0.0) {
        return query; // zero-weight clauses would still let feedback-only passages in
    }
    std::vector<Xapian::Query> clauses{query};
    for (auto word = words.begin(); word != words.end(); ++word) {
        const double share = word.get_weight() / suggested * static_cast<double>(terms.stems.size());
        clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*word), options.expand_weight * share);
    }
    return Xapian::Query(Xapian::Query::OP_OR, clauses.begin(), clauses.end());
}

namespace {

// A reader that outlives two commits by a concurrent `kosh index` gets DatabaseModifiedError;
// reopening moves it to the newest revision, which is complete (Xapian commits atomically).
template <typename Run>
QuestionResult with_reopen(Xapian::Database& db, Run&& run)
{
    constexpr int k_attempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return run();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == k_attempts) {
                throw;
            }
            db.reopen();
        }
    }
}

} // namespace

QuestionResult Searcher::ask(std::string_view question, const SearchOptions& options)
{
    return with_reopen(m_db, [&] {
        QuestionResult result = ask_once(question, options);
        add_passage_context(result, m_db, options.context);
        return result;
    });
}

QuestionResult Searcher::search(std::string_view query, const SearchOptions& options)
{
    return with_reopen(m_db, [&] {
        QuestionResult result = search_once(query, options);
        add_passage_context(result, m_db, options.context);
        return result;
    });
}

QuestionResult Searcher::ask_once(std::string_view question, const SearchOptions& options)
{
    QuestionTerms terms = analyze_question(m_analyzer, question);
    QuestionResult result = answer_question(question, terms, options);
    if (!result.passages.empty()) {
        return result;
    }
    // Nothing passed the gate: a misspelt word may be why. The corrected question is kept only
    // if it passes the same gate; otherwise it is offered as a suggestion.
    const std::string corrected = correct_question(question, terms.tokens);
    if (corrected.empty()) {
        return result;
    }
    QuestionTerms corrected_terms = analyze_question(m_analyzer, corrected);
    QuestionResult retry = answer_question(corrected, corrected_terms, options);
    const bool found = !retry.passages.empty();
    if (found) {
        retry.question = result.question;
        result = std::move(retry);
    }
    result.rewrites.push_back(Rewrite{Rewrite::Kind::spelling, corrected, found, 0, 0});
    return result;
}

std::string Searcher::correct_question(std::string_view question, const std::vector<AnalyzedToken>& tokens)
{
    std::string corrected;
    std::size_t copied = 0;
    for (const auto& token : tokens) {
        const std::string suggestion = suggest_spelling(m_db, m_analyzer, token.token.term);
        if (suggestion.empty()) {
            continue;
        }
        corrected.append(question.substr(copied, token.token.begin - copied));
        corrected += suggestion;
        copied = token.token.end;
    }
    if (copied == 0) {
        return {};
    }
    corrected.append(question.substr(copied));
    return corrected;
}

QuestionResult Searcher::answer_question(std::string_view question, QuestionTerms& terms, const SearchOptions& asked)
{
    // The gate and the answer look at the same k_answer_passages best passages whatever -n asks
    // for: with fewer, a weak sentence met no rival and its confidence rose (0.60 at -n 3, 0.99 at
    // -n 1), so --min-confidence meant something else at every -n.
    SearchOptions options = asked;
    options.limit = std::max(asked.limit, k_answer_passages);
    QuestionResult result;
    result.question = std::string(question);
    if (terms.stems.empty()) {
        throw Error("the question has no words to search for");
    }
    terms.synonyms = find_synonyms(m_db, m_analyzer, terms.all.words, terms.all.stems);
    AnswerContext context = answer_context(question, terms);
    double total_weight = 0.0;
    // In a question (not a long list of search terms, any few of which may do), a word the corpus
    // does not hold at all counts twice against coverage: a question about sourdough bread is not
    // answered by a passage that only names a half-baked idea.
    const bool question_sized = terms.stems.size() <= k_gate_question_words;
    for (const auto& stem : terms.stems) {
        const double weight = term_weight(stem);
        context.stem_weight[stem] = weight;
        const bool absent = m_db.get_termfreq(schema::stemmed_term(schema::k_body_prefix, stem)) == 0;
        total_weight += question_sized && absent ? 2 * weight : weight;
    }
    // The best passages must cover enough of the question, or the corpus does not answer it: a
    // lone common word ("world" in a question about football) is not an answer. The gate is on
    // the best match, not on each passage: long questions (a paragraph of search terms) are
    // rarely covered by any one passage, yet their ranking below the best is still useful.
    double best_coverage = 0.0;
    int judged = 0;
    auto note_coverage = [&](const Xapian::MSetIterator& item) {
        // The first few passages by BM25 are judged, not every re-rank candidate: each needs its
        // term list read, and the best of the few is what the test is about.
        if (judged++ >= k_answer_passages) {
            return true;
        }
        MatchTerms matched;
        for (const auto& term : matching_terms(*item)) {
            matched.add_index_term(term);
        }
        std::set<std::string> stems = matched.stems;
        for (const auto& word : matched.words) {
            stems.insert(m_analyzer.stem(word)); // the words of synonym phrases
        }
        if (!terms.synonyms.empty()) {
            stems = credit_synonyms(stems, terms.synonyms);
        }
        double weight = 0.0;
        for (const auto& stem : stems) {
            weight += context.stem_weight.count(stem) ? context.stem_weight.at(stem) : 0.0;
        }
        best_coverage = std::max(best_coverage, weight / total_weight);
        return true;
    };
    auto rerank = [&](std::vector<PassageHit>& hits, const std::vector<double>& file_evidence) {
        RerankWeights weights = options.rerank;
        weights.file = options.file_weight;
        return rerank_passages(hits, static_cast<std::size_t>(options.rerank_depth), terms.word_stems,
                               context.stem_weight, weights, m_analyzer, context.cue, file_evidence);
    };
    // A few more than asked for, as passages whose text a better one has are dropped.
    const int fetch = std::max(options.limit + options.limit / 2, options.rerank_depth);
    const Xapian::Query query = build_question_query(terms);
    const auto leaves = question_query_leaves(terms);
    std::vector<PassageExplanation> explained;
    result.passages =
        run(query, options, fetch, note_coverage, MatchTerms{}, leaves, options.explain ? &explained : nullptr, rerank);
    const double coverage_needed = needed_coverage(options.min_coverage, terms.stems.size());
    if (best_coverage < coverage_needed) {
        result.passages.clear();
        explained.clear();
    } else if (options.expand_terms > 0) {
        // The gate judged the question's own words; feedback words only reorder what passed it.
        explained.clear();
        result.passages = run(
            expand(query, terms, options), options, fetch, [](const Xapian::MSetIterator&) { return true; },
            MatchTerms{}, leaves, options.explain ? &explained : nullptr, rerank);
    }
    if (options.explain) {
        Explanation explanation;
        explanation.query = fmt::format("{}", fmt::join(terms.stems, " "));
        for (const auto& stem : terms.stems) {
            explanation.terms.push_back(QueryTerm{stem, context.stem_weight.at(stem)});
        }
        explanation.heading_weight = schema::k_heading_wdf;
        explanation.title_weight = schema::k_title_wdf;
        explanation.best_coverage = best_coverage;
        explanation.min_coverage = coverage_needed;
        explanation.passages = std::move(explained);
        result.explanation = std::move(explanation);
    }
    const std::vector<PassageHit> answer_pool(
        result.passages.begin(),
        result.passages.begin() + std::min<std::ptrdiff_t>(k_answer_passages, std::ssize(result.passages)));
    result.answer = pick_answer(answer_pool, context, m_analyzer);
    if (std::ssize(result.passages) > asked.limit) {
        result.passages.resize(static_cast<std::size_t>(asked.limit));
    }
    if (result.explanation && std::ssize(result.explanation->passages) > asked.limit) {
        result.explanation->passages.resize(static_cast<std::size_t>(asked.limit));
    }
    if (result.answer) {
        MatchTerms wanted;
        wanted.stems.insert(terms.stems.begin(), terms.stems.end());
        for (const auto& use : terms.synonyms) {
            for (const auto& alternative : use.alternatives) {
                wanted.stems.insert(alternative.stems.begin(), alternative.stems.end());
            }
        }
        result.answer->highlights = find_highlights(result.answer->sentence, wanted, m_analyzer);
    }
    return result;
}

QuestionResult Searcher::search_once(std::string_view query_text, const SearchOptions& options)
{
    QuestionResult result;
    result.question = std::string(query_text);
    const Xapian::Query query = parse_search_query(query_text, m_analyzer, m_db, options.default_operator);
    if (query.empty()) {
        throw Error("the query has no words to search for");
    }
    MatchTerms wildcards;
    wildcards.add_wildcards(normalize_query_text(query_text));
    std::vector<PassageExplanation> explained;
    result.passages = run(
        query, options, options.limit, [](const Xapian::MSetIterator&) { return true; }, wildcards,
        parsed_query_leaves(query), options.explain ? &explained : nullptr);
    Xapian::Query ran = query;
    if (result.passages.empty()) {
        relax_search(result, query_text, options, wildcards, ran, options.explain ? &explained : nullptr);
    }
    if (options.explain) {
        Explanation explanation;
        explanation.query = ran.get_description();
        explanation.passages = std::move(explained);
        result.explanation = std::move(explanation);
    }
    return result;
}

void Searcher::relax_search(QuestionResult& result, std::string_view query_text, const SearchOptions& options,
                            const MatchTerms& wildcards, Xapian::Query& ran, std::vector<PassageExplanation>* explained)
{
    auto keep_all = [](const Xapian::MSetIterator&) { return true; };
    const std::string normalized = normalize_query_text(query_text);
    if (options.default_operator == DefaultOperator::all) {
        if (const auto items = split_query_items(normalized)) {
            auto parse = [&](const std::string& part) {
                return parse_search_query(part, m_analyzer, m_db, DefaultOperator::all);
            };
            for (auto& step : relaxation_steps(*items, parse)) {
                result.passages = run(step.query, options, options.limit, keep_all, wildcards,
                                      parsed_query_leaves(step.query), explained);
                if (!result.passages.empty()) {
                    ran = step.query;
                    result.rewrites.push_back(std::move(step.rewrite));
                    break;
                }
            }
        }
    }
    // Last, or as a suggestion beside a loosened result: the query with its spelling corrected,
    // offered only when it finds something or when nothing else did.
    const std::string corrected = correct_query_spelling(normalized, m_analyzer, m_db);
    if (corrected.empty() || corrected == normalized) {
        return;
    }
    const Xapian::Query spelled = parse_search_query(corrected, m_analyzer, m_db, options.default_operator);
    const bool relaxed = !result.passages.empty();
    std::vector<PassageExplanation> spelled_explained;
    auto passages = run(spelled, options, options.limit, keep_all, wildcards, parsed_query_leaves(spelled),
                        explained && !relaxed ? &spelled_explained : nullptr);
    if (relaxed && passages.empty()) {
        return;
    }
    if (!relaxed) {
        result.passages = std::move(passages);
        ran = spelled;
        if (explained) {
            *explained = std::move(spelled_explained);
        }
    }
    result.rewrites.push_back(Rewrite{Rewrite::Kind::spelling, corrected, !relaxed && !result.passages.empty(), 0, 0});
}

} // namespace kosh
