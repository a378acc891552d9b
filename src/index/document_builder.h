// Turns one passage record into the Xapian document that stores it: terms, positions, scaled
// wdfs, path filters and the record itself.
#pragma once

#include "analyze/analyzer.h"
#include "index/length_norm.h"
#include "index/passage_record.h"
#include "index/spelling_table.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kosh {

/// Builds the documents of one thread; keep one per thread (the analyzer and scratch counts are
/// its own).
class DocumentBuilder {
public:
    DocumentBuilder(const std::string& language, LengthNorm norm) : m_analyzer(language), m_norm(norm) {}

    /// The document of `record`. Counts its passage-text words into `spellings`.
    [[nodiscard]] Xapian::Document build(const PassageRecord& record, WordCounts& spellings);

    /// The length build() gives the passage (LengthNorm::add_terms), from its words alone.
    [[nodiscard]] static std::size_t passage_length(const PassageRecord& record);

private:
    void add_field(Xapian::Document& document, std::string_view prefix, std::string_view text, unsigned ranking_wdf,
                   WordCounts* spellings = nullptr);

    Analyzer m_analyzer;
    LengthNorm m_norm;
    TermFrequencies m_frequencies; // of the passage being built
};

} // namespace kosh
