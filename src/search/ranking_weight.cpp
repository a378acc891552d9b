// How the match scores passages: BM25 over length-normalized wdfs.
#include "search/ranking_weight.h"

#include <cmath>
#include <memory>

namespace kosh {

namespace {

/// The frequency BM25 saturates: with the index's b, the wdf in units of frequency; with another,
/// the passage's own frequency (recovered exactly) divided by that b's length divisor.
double normalized_frequency(Xapian::termcount wdf, double doclength, double average_doclength,
                            const Bm25Settings& settings, const LengthNorm& norm)
{
    if (is_index_b(settings.b)) {
        return static_cast<double>(wdf) / k_wdf_scale;
    }
    const double length = LengthNorm::length_from_doclength(doclength);
    const double average = LengthNorm::length_from_doclength(average_doclength);
    const double frequency = LengthNorm::frequency_of(wdf, norm.divisor(length));
    return frequency / length_divisor(settings.b, length, average);
}

/// BM25 with another b than the index's (see the header). Xapian's BM25Weight with k2 = 0 and
/// k3 = 1, otherwise: the same idf and query-frequency factor, so both paths agree.
class RenormalizingWeight : public Xapian::Weight {
public:
    RenormalizingWeight(const Bm25Settings& settings, const LengthNorm& norm) : m_settings(settings), m_norm(norm)
    {
        need_stat(COLLECTION_SIZE);
        need_stat(TERMFREQ);
        need_stat(WDF);
        need_stat(WQF);
        need_stat(DOC_LENGTH);
        need_stat(AVERAGE_LENGTH);
    }

    std::string name() const override { return "kosh::RenormalizingWeight"; }
    Xapian::Weight* clone() const override { return new RenormalizingWeight(m_settings, m_norm); }

    void init(double factor) override
    {
        if (factor == 0.0) {
            m_termweight = 0.0; // the weight object for get_sumextra only
            return;
        }
        const double wqf = get_wqf();
        m_termweight = bm25_idf(get_collection_size(), get_termfreq()) * factor * 2 * wqf / (1 + wqf);
        m_average_doclength = get_average_length();
    }

    double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclength, Xapian::termcount) const override
    {
        return m_termweight * bm25_saturation(m_settings.k1, normalized_frequency(wdf, doclength, m_average_doclength,
                                                                                  m_settings, m_norm));
    }
    // Saturation never reaches k1 + 1: a bound without lengths, loose but safe.
    double get_maxpart() const override { return m_termweight * (m_settings.k1 + 1); }
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0.0; }
    double get_maxextra() const override { return 0.0; }

private:
    Bm25Settings m_settings;
    LengthNorm m_norm;
    double m_termweight = 0.0;
    double m_average_doclength = 0.0;
};

} // namespace

bool is_index_b(double b)
{
    return std::abs(b - k_index_bm25_b) < 1e-9;
}

Xapian::Query use_ranking(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& query,
                          const Bm25Settings& settings)
{
    if (!is_index_b(settings.b)) {
        enquire.set_weighting_scheme(RenormalizingWeight(settings, read_length_norm(db)));
        return query;
    }
    // BM25 with b = 0 over wdf = k_wdf_scale * x gives (K + 1) wdf / (K + wdf) with K = k_wdf_scale
    // * k1, which is (K + 1) / (k1 + 1) times BM25's (k1 + 1) x / (k1 + x).
    const double scaled_k1 = settings.k1 * k_wdf_scale;
    enquire.set_weighting_scheme(Xapian::BM25Weight(scaled_k1, 0.0, 1.0, 0.0, k_min_relative_length));
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, (settings.k1 + 1) / (scaled_k1 + 1));
}

double leaf_score(double collection_size, double termfreq, double factor, Xapian::termcount wdf, double doclength,
                  double average_doclength, const Bm25Settings& settings, const LengthNorm& norm)
{
    return bm25_idf(collection_size, termfreq) * factor *
           bm25_saturation(settings.k1, normalized_frequency(wdf, doclength, average_doclength, settings, norm));
}

} // namespace kosh
