// Tests for length_norm: BM25's length division as the indexer applies it to a document.
#include "index/length_norm.h"
#include "index/schema.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>

namespace {

std::map<std::string, Xapian::termcount> wdfs_of(const Xapian::Document& document)
{
    std::map<std::string, Xapian::termcount> wdfs;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        wdfs[*term] = term.get_wdf();
    }
    return wdfs;
}

} // namespace

TEST_CASE("LengthNorm divides by BM25's 1 - b + b * length / average, within its bounds", "[index]")
{
    const kosh::LengthNorm norm(100.0);
    CHECK(norm.divisor(100) == Approx(1.0));
    CHECK(norm.divisor(200) == Approx(1.75));
    CHECK(norm.divisor(50) == Approx(0.625));
    CHECK(norm.divisor(10) == Approx(0.625)); // BM25's floor: half the average
    CHECK(norm.divisor(8500) == Approx(64.0));
    CHECK(norm.divisor(100000) == Approx(64.0)); // capped, so no wdf falls below its frequency
}

TEST_CASE("LengthNorm::scaled_wdf rounds k_wdf_scale * frequency / divisor, and keeps at least 1", "[index]")
{
    CHECK(kosh::LengthNorm::scaled_wdf(1, 1.0) == 64);
    CHECK(kosh::LengthNorm::scaled_wdf(3, 1.75) == 110);  // 109.71
    CHECK(kosh::LengthNorm::scaled_wdf(2, 0.625) == 205); // 204.8
    CHECK(kosh::LengthNorm::scaled_wdf(1, 64.0) == 1);
}

TEST_CASE("LengthNorm::frequency_of gives back every frequency exactly, whatever the divisor", "[index]")
{
    for (double divisor = 0.625; divisor <= 64.0; divisor *= 1.0137) {
        for (Xapian::termcount frequency = 1; frequency <= 300; ++frequency) {
            const auto wdf = kosh::LengthNorm::scaled_wdf(frequency, divisor);
            if (kosh::LengthNorm::frequency_of(wdf, divisor) != frequency) {
                FAIL("divisor " << divisor << ", frequency " << frequency << ", wdf " << wdf);
            }
        }
    }
    CHECK(kosh::LengthNorm(57.123456789).as_stored().average_length() == 57.1235);
}

TEST_CASE("LengthNorm::add_terms scales every frequency and pads the document length to the passage length", "[index]")
{
    Xapian::Document document;
    document.add_posting("nepal", 1, 0); // positions come with no wdf: add_terms gives it
    document.add_posting("Sriver", 1, 0);
    document.add_boolean_term("Pdocs/nepal.md");
    const kosh::TermFrequencies frequencies{
        {"nepal", 1},                                 // text word
        {kosh::schema::stemmed_term("", "nepal"), 1}, // its ranking term, once
        {"Sriver", 1},                                // heading word
        {kosh::schema::stemmed_term("S", "river"), 1},
        {kosh::schema::stemmed_term("", "river"), kosh::schema::k_heading_wdf},
    };

    const kosh::LengthNorm norm(6.0); // the length is 1 + 2 = 3: half the average, divisor 0.625
    CHECK(norm.add_terms(document, frequencies) == 3);
    const auto wdfs = wdfs_of(document);
    CHECK(wdfs.at("nepal") == 102); // 64 / 0.625 = 102.4
    CHECK(wdfs.at("Znepal") == 102);
    CHECK(wdfs.at("Sriver") == 102);
    CHECK(wdfs.at("ZSriver") == 102);
    CHECK(wdfs.at("Zriver") == 205); // 128 / 0.625 = 204.8
    CHECK(wdfs.at("Pdocs/nepal.md") == 0);
    Xapian::termcount total = 0;
    for (const auto& [term, wdf] : wdfs) {
        total += wdf;
    }
    CHECK(total == kosh::k_length_scale * 3);
    CHECK(wdfs.at(std::string(kosh::schema::k_length_term)) == 768 - 4 * 102 - 205);
    // Positions are left alone: phrases and highlights still see one per occurrence.
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        CHECK(term.positionlist_count() == ((*term == "nepal" || *term == "Sriver") ? 1u : 0u));
    }
}

TEST_CASE("LengthNorm records its average length as metadata and reads back only a valid one", "[index]")
{
    const auto back = kosh::LengthNorm::decode(kosh::LengthNorm(123.456789).encode());
    REQUIRE(back);
    CHECK(back->average_length() == Approx(123.457).epsilon(1e-6));
    for (const char* bad : {"", "abc", "-1", "0", "nan", "12x"}) {
        INFO(bad);
        CHECK_FALSE(kosh::LengthNorm::decode(bad));
    }
}
