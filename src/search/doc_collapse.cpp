// Collapses a ranked list of passages into a ranked list of documents (one file = one document).
#include "search/doc_collapse.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace kosh {

int passages_for_documents(int documents)
{
    return std::max(documents, std::min(documents * 10, 1000));
}

std::vector<PassageHit> collapse_to_documents(std::vector<PassageHit> passages, std::size_t limit)
{
    // The searcher already returns passages best first; the stable sort only matters for
    // callers that hand in another order, and keeps rank order among equal scores.
    std::stable_sort(passages.begin(), passages.end(),
                     [](const PassageHit& a, const PassageHit& b) { return a.score > b.score; });
    std::vector<PassageHit> documents;
    std::unordered_set<std::string> seen;
    for (auto& passage : passages) {
        if (documents.size() >= limit) {
            break;
        }
        if (!seen.insert(passage.path).second) {
            continue;
        }
        passage.rank = static_cast<int>(documents.size()) + 1;
        documents.push_back(std::move(passage));
    }
    return documents;
}

namespace {

/// Keeps the score breakdowns of the passages that survived collapsing, renumbered like them.
/// Breakdowns are in the order of the passages before collapsing; a passage is known by its place.
void collapse_explanation(Explanation& explanation, const std::vector<PassageHit>& before,
                          const std::vector<PassageHit>& after)
{
    std::vector<PassageExplanation> kept;
    for (const auto& document : after) {
        for (std::size_t i = 0; i < before.size() && i < explanation.passages.size(); ++i) {
            if (before[i].path == document.path && before[i].line == document.line) {
                kept.push_back(std::move(explanation.passages[i]));
                kept.back().rank = document.rank;
                break;
            }
        }
    }
    explanation.passages = std::move(kept);
}

} // namespace

void collapse_result_to_documents(QuestionResult& result, std::size_t limit)
{
    std::vector<PassageHit> before;
    if (result.explanation) {
        before = result.passages;
    }
    result.passages = collapse_to_documents(std::move(result.passages), limit);
    if (result.explanation) {
        collapse_explanation(*result.explanation, before, result.passages);
    }
    if (!result.answer) {
        return;
    }
    result.answer->passage_rank = 0;
    for (const auto& document : result.passages) {
        if (document.path == result.answer->path) {
            result.answer->passage_rank = document.rank;
            break;
        }
    }
}

} // namespace kosh
