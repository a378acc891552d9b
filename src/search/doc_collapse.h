// Collapses a ranked list of passages into a ranked list of documents (one file = one document).
#pragma once

#include "search/result.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace kosh {

/// Pseudo-relevance feedback words added by default when ranking documents (`ask --per-doc`,
/// `eval --qrels`), and not when ranking passages. A document ranking asks which files are about
/// a subject, and usually several are: the words the best matches share find the ones that say
/// it in other words. A passage ranking looks for the one passage that answers, and there the
/// shared words describe the answer's neighbours, which they push above it
/// (docs/quality-history.md).
constexpr int k_document_feedback_words = 20;

/// `--expand` when given, else the default for the kind of ranking: k_document_feedback_words
/// for documents, none for passages.
[[nodiscard]] constexpr int feedback_words(std::optional<int> expand, bool ranking_documents)
{
    return expand.value_or(ranking_documents ? k_document_feedback_words : 0);
}

/// Passages to ask the searcher for when `documents` documents are wanted after collapsing:
/// 10 per document, so that documents with several matching passages do not crowd out the rest,
/// but at most 1000 (and never fewer than `documents`).
[[nodiscard]] int passages_for_documents(int documents);

/// Keeps each document's best passage: documents are ordered by their best passage's score,
/// equal scores keeping the order of the input (which is the searcher's rank order), and ranks
/// are renumbered 1..n. At most `limit` documents are returned.
[[nodiscard]] std::vector<PassageHit> collapse_to_documents(std::vector<PassageHit> passages, std::size_t limit);

/// Collapses `result.passages` as above and points the answer's passage_rank at the rank of the
/// document the answer sentence comes from (0 when that document fell outside `limit`). An
/// explanation keeps the score breakdowns of the passages kept, with their new ranks.
void collapse_result_to_documents(QuestionResult& result, std::size_t limit);

} // namespace kosh
