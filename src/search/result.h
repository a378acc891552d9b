// What a search or question returns: ranked passages, the answer sentence, and highlight spans.
// Printers turn these into bytes; nothing here knows about colour or formats.
#pragma once

#include "search/explanation.h"
#include "util/byte_span.h"

#include <optional>
#include <string>
#include <vector>

namespace kosh {

/// One ranked passage.
struct PassageHit {
    int rank = 0; // 1-based
    double score = 0.0;
    std::string path; // file path relative to the indexed root
    int line = 0;     // first line of the passage, 1-based (see parse/location.h for PDF and EPUB)
    int last_line = 0;
    int page = 0;                      // the PDF page the passage starts on; 0 for other formats
    int chapter = 0;                   // the EPUB chapter it is in; 0 for other formats
    std::string title;                 // document title
    std::vector<std::string> sections; // heading path below the title, outermost first
    std::string text;
    std::vector<ByteSpan> highlights; // query-term matches in `text`, sorted, disjoint
    std::vector<ByteSpan> code;       // code in `text` (Paragraph::code): lines kept, never an answer
    std::string format;               // the reader that parsed the file: "text", "markdown", ...
    bool stale = false;               // the file has changed since it was indexed (file_freshness.h)
    std::vector<PassageHit> before;   // passages of the same file just before it (-C N)
    std::vector<PassageHit> after;    // and just after it, or the one it introduces (passage_context.h)
};

/// How the answer picker scored a sentence:
/// total = (coverage + support + proximity + rank_share) * type_factor.
struct SentenceScore {
    double coverage = 0.0;    // weighted share of the question's words in the sentence, each word weighted
                              // by its informativeness and by how few of the candidate sentences hold it
    double support = 0.0;     // weighted share found only in the neighbouring sentences, counted 0.3
                              // (from the sentence before: in full for one that opens with a pronoun,
                              // 0.6 for one that opens with a definite noun phrase)
    double proximity = 0.0;   // question words next to each other that stay close here (at most 0.15)
    double rank_share = 0.0;  // 0.25 * the passage's score / the top passage's score
    double type_factor = 1.0; // 1 when the sentence can hold the kind of answer asked for, else less
    double total = 0.0;
};

/// The best-scoring sentence with a different text from the answer's.
struct RunnerUp {
    std::string sentence;
    std::string path;
    int line = 0;
    int page = 0;
    int chapter = 0;
    std::string format;
    int passage_rank = 0;
    SentenceScore score;
};

/// The sentence chosen as the answer, with its place in the source.
struct Answer {
    std::string sentence;
    std::string path;
    int line = 0;                     // line the sentence starts on
    int passage_rank = 0;             // which passage it came from
    double confidence = 0.0;          // 0..1, calibrated (see answer_confidence)
    std::vector<ByteSpan> highlights; // query-term matches in `sentence`
    SentenceScore score;              // why it won
    std::string asked_for;            // the kind of answer the question asks for: any, person, time, number, place
    std::optional<RunnerUp> runner_up;
    int page = 0; // its passage's PDF page or EPUB chapter (see PassageHit)
    int chapter = 0;
    std::string format; // the reader that parsed its file
    bool stale = false; // its file has changed since it was indexed
};

/// A looser or corrected form of a query that found nothing (or only a weak match), in the
/// order kosh tried it. Kept as data so printers, and explanations, can show what happened.
struct Rewrite {
    enum class Kind {
        most_terms, // `search`: passages had to match `matched` of the query's `of` words
        any_term,   // `search`: passages had to match any one of the query's `of` words
        spelling,   // misspelt words replaced by the index's spelling suggestion
    };
    Kind kind = Kind::spelling;
    std::string query;   // the rewritten query (search syntax) or question
    bool applied = true; // false: only suggested; the results are not from it
    int matched = 0;     // most_terms and any_term
    int of = 0;
    bool operator==(const Rewrite&) const = default;
};

/// Everything printed for one question or query.
struct QuestionResult {
    std::string id; // from "id<TAB>question" batch lines; empty otherwise
    std::string question;
    std::optional<Answer> answer;
    /// An answer held back because its confidence is below --min-confidence: printers show its
    /// confidence, not its sentence.
    std::optional<Answer> withheld_answer;
    std::vector<PassageHit> passages;
    std::optional<Explanation> explanation; // with --explain
    std::vector<Rewrite> rewrites;          // how the question was loosened or corrected, if it was
    std::string error;                      // non-empty when this question could not be answered
    int dropped_deleted = 0;                // passages left out: their files were deleted since indexed
};

/// "most_terms", "any_term" or "spelling", as the JSON output names them.
[[nodiscard]] inline const char* rewrite_kind_name(Rewrite::Kind kind)
{
    switch (kind) {
    case Rewrite::Kind::most_terms: return "most_terms";
    case Rewrite::Kind::any_term: return "any_term";
    case Rewrite::Kind::spelling: return "spelling";
    }
    return "spelling";
}

} // namespace kosh
