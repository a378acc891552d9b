// BM25's length normalization, applied when a passage is indexed rather than when it is matched.
#include "index/length_norm.h"

#include "index/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace kosh {

double length_divisor(double b, double length, double average_length)
{
    const double relative = average_length > 0 ? length / average_length : 1.0;
    return 1 - b + b * std::max(relative, k_min_relative_length);
}

double bm25_idf(double collection_size, double termfreq)
{
    double odds = (collection_size - termfreq + 0.5) / (termfreq + 0.5);
    if (odds < 2) {
        odds = odds * 0.5 + 1;
    }
    return std::log(odds);
}

double bm25_saturation(double k1, double normalized_frequency)
{
    if (normalized_frequency <= 0) {
        return 0.0;
    }
    return (k1 + 1) * normalized_frequency / (k1 + normalized_frequency);
}

double LengthNorm::divisor(double length) const
{
    return std::min(length_divisor(k_index_bm25_b, length, m_average_length), static_cast<double>(k_wdf_scale));
}

Xapian::termcount LengthNorm::scaled_wdf(Xapian::termcount frequency, double divisor)
{
    const double scaled = std::round(k_wdf_scale * static_cast<double>(frequency) / divisor);
    return std::max<Xapian::termcount>(1, static_cast<Xapian::termcount>(scaled));
}

Xapian::termcount LengthNorm::frequency_of(Xapian::termcount wdf, double divisor)
{
    return static_cast<Xapian::termcount>(std::round(static_cast<double>(wdf) * divisor / k_wdf_scale));
}

LengthNorm LengthNorm::as_stored() const
{
    return *decode(encode());
}

Xapian::termcount LengthNorm::add_terms(Xapian::Document& document, const TermFrequencies& frequencies) const
{
    std::uint64_t length = 0;
    for (const auto& [term, frequency] : frequencies) {
        if (schema::is_ranking_term(term)) {
            length += frequency;
        }
    }
    const double divisor = this->divisor(length);
    std::uint64_t total = 0;
    for (const auto& [term, frequency] : frequencies) {
        const Xapian::termcount wdf = scaled_wdf(frequency, divisor);
        document.add_term(term, wdf);
        total += wdf;
    }
    const std::uint64_t target = std::uint64_t{k_length_scale} * length;
    if (target > std::numeric_limits<Xapian::termcount>::max()) {
        // A passage of 16 million words (a title or heading run wild): too long to pad.
        // Its length stays unrecorded, which only a b other than the index's would notice.
        return static_cast<Xapian::termcount>(
            std::min<std::uint64_t>(length, std::numeric_limits<Xapian::termcount>::max()));
    }
    if (total > target) {
        // Cannot happen while every passage term adds at most 2 raw units per unit of length.
        throw std::logic_error(
            fmt::format("scaled wdfs sum to {}, over {} times the length {}", total, k_length_scale, length));
    }
    if (total < target) {
        document.add_term(std::string(schema::k_length_term), static_cast<Xapian::termcount>(target - total));
    }
    return static_cast<Xapian::termcount>(length);
}

std::string LengthNorm::encode() const
{
    return fmt::format("{:.6g}", m_average_length);
}

std::optional<LengthNorm> LengthNorm::decode(std::string_view value)
{
    double average = 0.0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), average);
    if (error != std::errc{} || end != value.data() + value.size() || !(average > 0) || !std::isfinite(average)) {
        return std::nullopt;
    }
    return LengthNorm(average);
}

LengthNorm read_length_norm(const Xapian::Database& db)
{
    const auto stored = LengthNorm::decode(db.get_metadata(std::string(schema::k_meta_average_length)));
    return stored ? *stored : LengthNorm(k_default_average_length);
}

} // namespace kosh
