// Runs questions and queries against an open index and assembles ranked, highlighted results.
#include "search/searcher.h"

#include "index/passage_record.h"
#include "index/schema.h"
#include "search/answer_picker.h"
#include "search/highlighter.h"
#include "search/relaxation.h"
#include "search/spelling.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kosh {

Searcher::Searcher(Xapian::Database db, const std::string& language)
    : m_db(std::move(db)), m_analyzer(language), m_enquire(m_db)
{
}

double Searcher::term_weight(const std::string& stem)
{
    // An idf that stays positive and finite for words the corpus lacks (df = 0).
    const double documents = m_db.get_doccount();
    const double frequency = m_db.get_termfreq(schema::stemmed_term(schema::k_body_prefix, stem)) +
                             m_db.get_termfreq(schema::stemmed_term(schema::k_section_prefix, stem));
    return std::log(1.0 + documents / (1.0 + frequency));
}

std::vector<PassageHit> Searcher::run(const Xapian::Query& query, const SearchOptions& options, int fetch,
                                      const std::function<bool(const Xapian::MSetIterator&)>& keep,
                                      const MatchTerms& also_highlight)
{
    m_enquire.set_query(query);
    m_enquire.set_weighting_scheme(Xapian::BM25Weight(options.bm25_k1, 0.0, 1.0, options.bm25_b, 0.5));
    m_enquire.set_docid_order(Xapian::Enquire::ASCENDING); // equal scores keep corpus order
    const Xapian::MSet mset = m_enquire.get_mset(0, static_cast<Xapian::doccount>(fetch));
    std::vector<PassageHit> hits;
    for (auto item = mset.begin(); item != mset.end() && static_cast<int>(hits.size()) < options.limit; ++item) {
        if (!keep(item)) {
            continue;
        }
        const auto record = decode_record(item.get_document().get_data());
        if (!record) {
            throw Fatal(fmt::format("document {} has no passage record this kosh can read; run 'kosh index --rebuild'", *item));
        }
        MatchTerms matched = also_highlight;
        for (auto term = m_enquire.get_matching_terms_begin(item); term != m_enquire.get_matching_terms_end(item); ++term) {
            matched.add_index_term(*term);
        }
        PassageHit hit;
        hit.rank = static_cast<int>(hits.size()) + 1;
        hit.score = item.get_weight();
        hit.path = record->path;
        hit.line = record->passage.first_line;
        hit.last_line = record->passage.last_line;
        hit.title = record->title;
        hit.sections = record->passage.sections;
        hit.text = record->passage.text;
        hit.highlights = find_highlights(hit.text, matched, m_analyzer);
        hits.push_back(std::move(hit));
    }
    return hits;
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
    return with_reopen(m_db, [&] { return ask_once(question, options); });
}

QuestionResult Searcher::search(std::string_view query, const SearchOptions& options)
{
    return with_reopen(m_db, [&] { return search_once(query, options); });
}

QuestionResult Searcher::ask_once(std::string_view question, const SearchOptions& options)
{
    QuestionResult result = answer_question(question, options);
    if (!result.passages.empty()) {
        return result;
    }
    // Nothing passed the gate: a misspelt word may be why. The corrected question is kept only
    // if it passes the same gate; otherwise it is offered as a suggestion.
    const std::string corrected = correct_question(question);
    if (corrected.empty()) {
        return result;
    }
    QuestionResult retry = answer_question(corrected, options);
    const bool found = !retry.passages.empty();
    if (found) {
        retry.question = result.question;
        result = std::move(retry);
    }
    result.rewrites.push_back(Rewrite{Rewrite::Kind::spelling, corrected, found, 0, 0});
    return result;
}

std::string Searcher::correct_question(std::string_view question)
{
    std::string corrected;
    std::size_t copied = 0;
    for (const auto& token : m_analyzer.analyze(question)) {
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

QuestionResult Searcher::answer_question(std::string_view question, const SearchOptions& options)
{
    QuestionResult result;
    result.question = std::string(question);
    QuestionTerms terms = analyze_question(m_analyzer, question);
    if (terms.stems.empty()) {
        throw Error("the question has no words to search for");
    }
    terms.synonyms = find_synonyms(m_db, m_analyzer, terms.all.words, terms.all.stems);
    AnswerContext context{question, terms.stems, {}, terms.synonyms};
    double total_weight = 0.0;
    for (const auto& stem : terms.stems) {
        const double weight = term_weight(stem);
        context.stem_weight[stem] = weight;
        total_weight += weight;
    }
    // The best passages must cover enough of the question, or the corpus does not answer it: a
    // lone common word ("world" in a question about football) is not an answer. The gate is on
    // the best match, not on each passage: long questions (a paragraph of search terms) are
    // rarely covered by any one passage, yet their ranking below the best is still useful.
    double best_coverage = 0.0;
    auto note_coverage = [&](const Xapian::MSetIterator& item) {
        MatchTerms matched;
        for (auto term = m_enquire.get_matching_terms_begin(item); term != m_enquire.get_matching_terms_end(item); ++term) {
            matched.add_index_term(*term);
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
    const Xapian::Query query = build_question_query(terms, options.field_weights);
    result.passages = run(query, options, options.limit, note_coverage, MatchTerms{});
    if (best_coverage < options.min_coverage) {
        result.passages.clear();
    }
    result.answer = pick_answer(result.passages, context, m_analyzer);
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
    result.passages = run(query, options, options.limit, [](const Xapian::MSetIterator&) { return true; }, wildcards);
    if (result.passages.empty()) {
        relax_search(result, query_text, options, wildcards);
    }
    return result;
}

void Searcher::relax_search(QuestionResult& result, std::string_view query_text, const SearchOptions& options,
                            const MatchTerms& wildcards)
{
    auto keep_all = [](const Xapian::MSetIterator&) { return true; };
    const std::string normalized = normalize_query_text(query_text);
    if (options.default_operator == DefaultOperator::all) {
        if (const auto items = split_query_items(normalized)) {
            auto parse = [&](const std::string& part) {
                return parse_search_query(part, m_analyzer, m_db, DefaultOperator::all);
            };
            for (auto& step : relaxation_steps(*items, parse)) {
                result.passages = run(step.query, options, options.limit, keep_all, wildcards);
                if (!result.passages.empty()) {
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
    auto passages = run(parse_search_query(corrected, m_analyzer, m_db, options.default_operator), options,
                        options.limit, keep_all, wildcards);
    const bool relaxed = !result.passages.empty();
    if (relaxed && passages.empty()) {
        return;
    }
    if (!relaxed) {
        result.passages = std::move(passages);
    }
    result.rewrites.push_back(Rewrite{Rewrite::Kind::spelling, corrected, !relaxed && !result.passages.empty(), 0, 0});
}

} // namespace kosh
