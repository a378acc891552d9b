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

void collapse_result_to_documents(QuestionResult& result, std::size_t limit)
{
    result.passages = collapse_to_documents(std::move(result.passages), limit);
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
