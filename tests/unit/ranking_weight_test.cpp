// Tests that matching over length-divided wdfs scores passages as BM25 over raw frequencies does.
#include "index/database.h"
#include "index/length_norm.h"
#include "search/ranking_weight.h"

#include "corpus_index.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

namespace {

/// The frequency the indexer scaled into `wdf` for a passage whose divisor is `divisor`.
Xapian::termcount raw_frequency(Xapian::termcount wdf, double divisor)
{
    for (Xapian::termcount frequency = 1; frequency < 1000; ++frequency) {
        if (kosh::LengthNorm::scaled_wdf(frequency, divisor) == wdf) {
            return frequency;
        }
    }
    FAIL("no frequency scales to wdf " << wdf);
    return 0;
}

/// Each passage's score for `term` under `settings`, against BM25 computed here from the raw
/// frequencies and lengths, with Xapian's idf, to within `tolerance` (relative).
void check_bm25(const Xapian::Database& db, const std::string& term, const kosh::Bm25Settings& settings,
                double average_length, double tolerance)
{
    const kosh::LengthNorm norm = kosh::read_length_norm(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(kosh::use_ranking(enquire, db, Xapian::Query(term), settings));
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    REQUIRE(mset.size() >= 3);
    const double idf = kosh::bm25_idf(db.get_doccount(), db.get_termfreq(term));
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        const double length = db.get_doclength(*item) / static_cast<double>(kosh::k_length_scale);
        auto posting = db.postlist_begin(term);
        posting.skip_to(*item);
        const double frequency = raw_frequency(posting.get_wdf(), norm.divisor(length));
        const double divisor = 1 - settings.b + settings.b * std::max(length / average_length, 0.5);
        const double expected = idf * (settings.k1 + 1) * frequency / (settings.k1 * divisor + frequency);
        INFO(term << " in passage " << *item << ", frequency " << frequency << ", length " << length);
        CHECK(item.get_weight() == Approx(expected).epsilon(tolerance));
    }
}

} // namespace

TEST_CASE("use_ranking scores as BM25 over raw frequencies, with the index's b and with another", "[search]")
{
    const Xapian::Database db = kosh::open_index(kosh::test::CorpusIndex::path());
    const kosh::LengthNorm norm = kosh::read_length_norm(db);
    const double true_average = db.get_avlength() / kosh::k_length_scale;
    CHECK(norm.average_length() == Approx(true_average).epsilon(1e-5)); // the whole corpus was measured
    for (const char* term : {"Zsoviet", "Znepal", "Zhydropow"}) {
        // The index's b matches the stored wdfs as they are: rounded to whole units, so near.
        check_bm25(db, term, kosh::Bm25Settings{1.2, kosh::k_index_bm25_b}, norm.average_length(), 0.01);
        // Another b undoes the division with the frequencies recovered exactly: BM25 itself.
        check_bm25(db, term, kosh::Bm25Settings{0.9, 0.4}, true_average, 1e-9);
        check_bm25(db, term, kosh::Bm25Settings{2.0, 1.0}, true_average, 1e-9);
        check_bm25(db, term, kosh::Bm25Settings{1.2, 0.0}, true_average, 1e-9);
    }
    CHECK(kosh::is_index_b(0.75));
    CHECK_FALSE(kosh::is_index_b(0.7));
}
