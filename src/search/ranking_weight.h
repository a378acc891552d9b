// How the match scores passages: BM25 over wdfs the index has already divided by each passage's
// length (index/length_norm.h).
//
// With the index's own b, that is Xapian's BM25Weight with b = 0 (no passage lengths read) and
// k1 scaled to the wdf's units, the query scaled so scores keep BM25's size. With another b, a
// weight of kosh's own undoes the index's division, from the length Xapian's document length
// keeps, and applies BM25's with that b: exact (the frequencies are whole numbers, recovered
// without error), but it reads every candidate's length, and a remote shard cannot run it
// (xapian-tcpsrv knows only Xapian's own schemes).
#pragma once

#include "index/length_norm.h"

#include <xapian.h>

namespace kosh {

/// BM25's parameters: k1 saturates a word's frequency, b scales it by the passage's length.
struct Bm25Settings {
    double k1 = 1.2;
    double b = k_index_bm25_b;
};

/// True when `b` is the one the index was built with, so the match needs no lengths.
[[nodiscard]] bool is_index_b(double b);

/// Gives `enquire`, which searches `db`, the weighting scheme for `settings` and returns `query`
/// as it must be run. Only another b than the index's reads how `db` was divided.
[[nodiscard]] Xapian::Query use_ranking(Xapian::Enquire& enquire, const Xapian::Database& db,
                                        const Xapian::Query& query, const Bm25Settings& settings);

/// What one query leaf adds to a passage's score, as the match computes it: `factor` is the
/// leaf's OP_SCALE_WEIGHT, `doclength` and `average_doclength` Xapian's (k_length_scale times
/// the passage's).
[[nodiscard]] double leaf_score(double collection_size, double termfreq, double factor, Xapian::termcount wdf,
                                double doclength, double average_doclength, const Bm25Settings& settings,
                                const LengthNorm& norm);

} // namespace kosh
