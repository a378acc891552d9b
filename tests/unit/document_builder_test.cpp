// Tests for DocumentBuilder: the terms, record and length of one passage's document.
#include "index/document_builder.h"

#include "index/length_norm.h"
#include "index/passage_record.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace {

kosh::PassageRecord nepal_record()
{
    return kosh::PassageRecord{"docs/nepal.md", "Nepal",
                               kosh::Paragraph{"Rivers of Nepal flow south.", 5, 5, {"Geography"}, {}}};
}

std::map<std::string, Xapian::termcount> wdfs_of(const Xapian::Document& document)
{
    std::map<std::string, Xapian::termcount> wdfs;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        wdfs[*term] = term.get_wdf();
    }
    return wdfs;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& document, const std::string& term)
{
    auto found = document.termlist_begin();
    found.skip_to(term);
    REQUIRE(found != document.termlist_end());
    REQUIRE(*found == term);
    return {found.positionlist_begin(), found.positionlist_end()};
}

} // namespace

TEST_CASE("DocumentBuilder indexes a passage's words, heading, title and path, with its record", "[index]")
{
    kosh::DocumentBuilder builder("english", kosh::LengthNorm(10.0));
    kosh::WordCounts spellings;
    const Xapian::Document document = builder.build(nepal_record(), spellings);
    const auto wdfs = wdfs_of(document);
    for (const char* term : {"rivers", "of", "nepal", "flow", "south", "Zriver", "Sgeography", "Tnepal", "ZTnepal",
                             "Pdocs/nepal.md", "Pdocs/"}) {
        INFO(term);
        CHECK(wdfs.count(term) == 1);
    }
    CHECK(positions_of(document, "rivers") == std::vector<Xapian::termpos>{1});
    CHECK(positions_of(document, "south") == std::vector<Xapian::termpos>{5});

    const auto record = kosh::decode_record(document.get_data());
    REQUIRE(record);
    CHECK(record->path == "docs/nepal.md");
    CHECK(record->title == "Nepal");
    CHECK(record->passage.text == "Rivers of Nepal flow south.");
    CHECK(record->passage.sections == std::vector<std::string>{"Geography"});
}

TEST_CASE("DocumentBuilder counts the passage text's spelling words, not the heading's or title's", "[index]")
{
    kosh::DocumentBuilder builder("english", kosh::LengthNorm(10.0));
    kosh::WordCounts spellings{{"nepal", 2}};
    (void)builder.build(nepal_record(), spellings);
    // "of" is too short to offer as a correction; "geography" is only a heading word.
    CHECK(spellings == kosh::WordCounts{{"rivers", 1}, {"nepal", 3}, {"flow", 1}, {"south", 1}});
}

TEST_CASE("DocumentBuilder's passage_length counts heading and title words as their weight", "[index]")
{
    // Five text words, one heading word counted twice, one title word counted three times.
    CHECK(kosh::DocumentBuilder::passage_length(nepal_record()) == 5 + 2 + 3);
}

TEST_CASE("DocumentBuilder pads the document length to k_length_scale times passage_length", "[index]")
{
    for (const double average : {5.0, 10.0, 40.0}) {
        kosh::DocumentBuilder builder("english", kosh::LengthNorm(average));
        kosh::WordCounts spellings;
        const Xapian::Document document = builder.build(nepal_record(), spellings);
        Xapian::termcount length = 0;
        for (const auto& [term, wdf] : wdfs_of(document)) {
            length += wdf;
        }
        CHECK(length == kosh::k_length_scale * kosh::DocumentBuilder::passage_length(nepal_record()));
    }
}
