// Second-stage ranking of a question's best candidates: BM25 sees each word alone, so passages
// whose words meet the question's in one sentence, or side by side, move up.
#pragma once

#include "analyze/analyzer.h"
#include "search/answer_type.h"
#include "search/result.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kosh {

struct RerankWeights {
    double sentence = 0.0;  // for the best sentence's weighted share of the question's words
    double proximity = 0.0; // for the weighted share of adjacent question words found close together
    double file = 0.0;      // for the file evidence given to rerank_passages
};

/// What the re-ranker saw in one passage, each a share of the question's weight (0..1).
struct PassageEvidence {
    double sentence_coverage = 0.0; // the best sentence's, marked down as the answer picker does when it
                                    // cannot hold the kind of answer asked for (see type_factor)
    double proximity = 0.0;
};

/// What re-ranking added to one passage's score, in score units.
struct RerankBonus {
    double sentence = 0.0;
    double proximity = 0.0;
    double file = 0.0;    // the file's other good passages (SearchOptions::file_weight)
    std::size_t from = 0; // the hit's place before re-ranking
};

/// No bonus for any of `count` hits, each left in its place: what a run without re-ranking reports.
[[nodiscard]] std::vector<RerankBonus> unmoved(std::size_t count);

/// Measures how closely `text` follows the question: `question_stems` are its content stems in
/// question order (repeats allowed), `stem_weight` their informativeness, `cue` what it asks for.
/// `headings` (stems of the passage's title and headings) count as present in every sentence, since
/// the sentences under a heading are about what it names; another form of a question stem's word
/// (word_families.h) counts as the stem, and a related form (word_forms.h) for part of it.
[[nodiscard]] PassageEvidence measure_passage(std::string_view text, const std::vector<std::string>& question_stems,
                                              const std::map<std::string, double>& stem_weight, Analyzer& analyzer,
                                              const AnswerCue& cue = {}, const std::set<std::string>& headings = {});

/// The stems of a passage's document title and heading path that are among `among` (the
/// question's: the only ones measure_passage looks up).
[[nodiscard]] std::set<std::string> heading_stems(const PassageHit& hit, Analyzer& analyzer,
                                                  const std::set<std::string>& among);

/// Adds to the score of each of the first `depth` hits (best first) the weighted evidence, in
/// units of the best score, reorders them and renumbers all ranks. Ties keep the first-stage order.
/// `file_evidence` (empty, or one per hit) is each hit's file evidence, weighed by weights.file.
/// Returns each hit's bonus and former place, in the new order.
std::vector<RerankBonus> rerank_passages(std::vector<PassageHit>& hits, std::size_t depth,
                                         const std::vector<std::string>& question_stems,
                                         const std::map<std::string, double>& stem_weight, const RerankWeights& weights,
                                         Analyzer& analyzer, const AnswerCue& cue = {},
                                         const std::vector<double>& file_evidence = {});

} // namespace kosh
