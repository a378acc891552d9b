// Tests for ZipArchive: member names and contents, and the ways a zip is refused.
#include "util/zip_archive.h"

#include "zip_writer.h"

#include <catch2/catch.hpp>

using kosh::ZipArchive;
using kosh::ZipLimits;
using kosh::test::make_zip;
using kosh::test::ZipCompression;

TEST_CASE("zip: lists members and reads the ones asked for", "[zip]")
{
    for (const ZipCompression compression : {ZipCompression::deflate, ZipCompression::store}) {
        const std::string bytes =
            make_zip({{"a.txt", "alpha"}, {"dir/B.xml", "<b/>"}, {"c.bin", "gamma"}}, compression);
        auto archive = ZipArchive::open(bytes);
        REQUIRE(archive);
        CHECK(archive->names() == std::vector<std::string>{"a.txt", "dir/B.xml", "c.bin"});
        CHECK(archive->find("dir/b.xml") == std::optional<std::string>("dir/B.xml"));
        CHECK_FALSE(archive->find("missing"));
        auto members = archive->read({"dir/B.xml", "a.txt", "missing"});
        REQUIRE(members);
        CHECK(members->size() == 2);
        CHECK(members->at("a.txt") == "alpha");
        CHECK(members->at("dir/B.xml") == "<b/>");
    }
}

TEST_CASE("zip: what is not a zip, or is a damaged one, is refused with the reason", "[zip]")
{
    CHECK(ZipArchive::open("").error() == "not a zip archive");
    CHECK(ZipArchive::open("hello, world").error() == "not a zip archive");
    const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more", 17);
    CHECK(ZipArchive::open(ole).error().starts_with("not a zip archive (an OLE file"));

    const std::string bytes = make_zip({{"word/document.xml", std::string(5000, 'x') + "<w:document/>"}});
    // Cut inside the member's data: no central directory, and the data stops short.
    const std::string cut = bytes.substr(0, 60);
    auto archive = ZipArchive::open(cut);
    if (archive) {
        auto members = archive->read({"word/document.xml"});
        REQUIRE_FALSE(members);
        CHECK(members.error().starts_with("damaged zip: "));
    } else {
        CHECK(archive.error().starts_with("damaged zip: "));
    }
}

TEST_CASE("zip: a member over the limits is a zip bomb, by declared or actual size", "[zip]")
{
    const std::string bytes = make_zip({{"small", "tiny"}, {"big", std::string(10000, 'z')}});
    auto archive = ZipArchive::open(bytes, ZipLimits{1000, 5000});
    REQUIRE(archive);
    CHECK(archive->read({"small"}));
    auto big = archive->read({"big"});
    REQUIRE_FALSE(big);
    CHECK(big.error() == "too large when unpacked (zip bomb?)");

    // The total counts every read: three 400-byte members fit one at a time, not all together.
    const std::string three =
        make_zip({{"1", std::string(400, 'a')}, {"2", std::string(400, 'b')}, {"3", std::string(400, 'c')}});
    auto limited = ZipArchive::open(three, ZipLimits{1000, 1000});
    REQUIRE(limited);
    CHECK(limited->read({"1", "2"}));
    CHECK(limited->read({"3"}).error() == "too large when unpacked (zip bomb?)");

    // 300 MB of zeros deflates to a few hundred kilobytes.
    const std::string bomb = make_zip({{"zeros", {}, std::size_t{300} << 20}});
    CHECK(bomb.size() < (std::size_t{1} << 20));
    auto bombed = ZipArchive::open(bomb);
    REQUIRE(bombed);
    CHECK(bombed->read({"zeros"}).error() == "too large when unpacked (zip bomb?)");
}
