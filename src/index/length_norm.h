// BM25's length normalization, applied when a passage is indexed rather than when it is matched.
//
// BM25 divides a word's frequency in a passage by N = 1 - b + b * max(length / average, 0.5)
// before saturating it. Xapian computes N at match time from a list of every passage's length,
// and decoding that list was most of a question's match. kosh divides when it indexes instead:
// each term's wdf is k_wdf_scale * frequency / N, rounded, and questions are matched with
// BM25's b = 0, which reads no lengths (see search/ranking_weight.h).
//
// The passage's length is kept recoverable: a padding term brings Xapian's document length to
// exactly k_length_scale times it, so length ratios (feedback weighs words by them) and a b other
// than the index's (an exact re-normalization at match time) still work.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kosh {

/// b fixed into the index (BM25's usual value, and Xapian's default).
constexpr double k_index_bm25_b = 0.75;
/// wdf units per occurrence in a passage of average length. Rounding to whole units moves a
/// word's frequency by at most 0.5 / (k_wdf_scale / N): 0.8% at the average length (N = 1),
/// 2.7% for a passage 4.3 times as long (N = 3.5, the longest ordinary passages), more only for
/// passages longer still. 16 units gave 3% and 11% there; 64 cost no measurable index time.
constexpr unsigned k_wdf_scale = 64;
/// Xapian's document length is this many times the passage's length (see the padding term).
/// It must exceed the sum of a passage's scaled wdfs over its length: at most 2 raw units per
/// unit of length, each scaled by at most k_wdf_scale / (1 - b / 2), plus a half for rounding
/// each term: 2 * 64 / 0.625 + 1 = 205.8.
constexpr unsigned k_length_scale = 256;
/// BM25's floor on length / average (Xapian's min_normlen default).
constexpr double k_min_relative_length = 0.5;
/// The reference length when a new index has no passages to measure.
constexpr double k_default_average_length = 100.0;

/// N for a passage of `length` when passages average `average_length`.
[[nodiscard]] double length_divisor(double b, double length, double average_length);

/// Xapian's BM25 idf, kept positive for very common terms as Xapian 1.4 keeps it.
[[nodiscard]] double bm25_idf(double collection_size, double termfreq);

/// BM25's saturation of a length-normalized frequency x: (k1 + 1) x / (k1 + x).
[[nodiscard]] double bm25_saturation(double k1, double normalized_frequency);

/// A passage's terms and how often each occurs in it (ranking terms: weighted by field).
using TermFrequencies = std::unordered_map<std::string, Xapian::termcount>;

class LengthNorm {
public:
    explicit LengthNorm(double average_length) : m_average_length(average_length) {}

    [[nodiscard]] double average_length() const { return m_average_length; }

    /// The divisor for a passage of `length`, capped at k_wdf_scale so that no term's wdf
    /// shrinks below its frequency (only passages over 21 times the average reach the cap).
    [[nodiscard]] double divisor(double length) const;

    /// A term's wdf in a passage whose divisor is `divisor`: at least 1, so a term present
    /// stays present.
    [[nodiscard]] static Xapian::termcount scaled_wdf(Xapian::termcount frequency, double divisor);

    /// The frequency scaled_wdf() turned into `wdf`, exactly: the rounding moved it by less than
    /// half a unit of frequency, since the divisor is at most k_wdf_scale.
    [[nodiscard]] static Xapian::termcount frequency_of(Xapian::termcount wdf, double divisor);

    /// The passage length that Xapian's document length `doclength` records.
    [[nodiscard]] static double length_from_doclength(double doclength) { return doclength / k_length_scale; }

    /// This norm as the index keeps it: the average rounded as encode() writes it, so a run that
    /// reads it back divides exactly as the run that wrote it.
    [[nodiscard]] LengthNorm as_stored() const;

    /// Adds each term of a passage to `document` with its wdf scaled from `frequencies` (its
    /// positions, if any, were added with no wdf), then pads the document's length to
    /// k_length_scale times the passage's length: the sum of its ranking terms' frequencies
    /// (schema::is_ranking_term), which it returns.
    Xapian::termcount add_terms(Xapian::Document& document, const TermFrequencies& frequencies) const;

    /// The metadata value that records the average length (see schema.h).
    [[nodiscard]] std::string encode() const;
    [[nodiscard]] static std::optional<LengthNorm> decode(std::string_view value);

private:
    double m_average_length;
};

/// The LengthNorm an index was built with: from its metadata, or the default when absent.
[[nodiscard]] LengthNorm read_length_norm(const Xapian::Database& db);

} // namespace kosh
