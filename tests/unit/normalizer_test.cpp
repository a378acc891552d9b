// Tests for normalize_word: the one search form shared by the indexer and the query side.
#include "analyze/normalizer.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

struct NormalizeCase {
    const char* input;
    const char* expected;
};

void check_table(std::initializer_list<NormalizeCase> table)
{
    for (const auto& row : table) {
        INFO("input: " << row.input);
        CHECK(kosh::normalize_word(row.input) == row.expected);
    }
}

} // namespace

TEST_CASE("normalize_word lower-cases ASCII and leaves everything else of it alone", "[analyze]")
{
    check_table({
        {"", ""},
        {"nepal", "nepal"},
        {"Nepal", "nepal"},
        {"KATHMANDU", "kathmandu"},
        {"MiXeD123", "mixed123"},
        {"it's", "it's"},
        {"3.5", "3.5"},
        {"a_B-c", "a_b-c"},
    });
}

TEST_CASE("normalize_word applies compatibility composition (NFKC)", "[analyze]")
{
    SECTION("ligatures")
    {
        check_table({
            {"\xEF\xAC\x81", "fi"}, // U+FB01 LATIN SMALL LIGATURE FI
            {"\xEF\xAC\x81nance", "finance"},
            {"e\xEF\xAC\x80"
             "ect",
             "effect"}, // U+FB00 LATIN SMALL LIGATURE FF
        });
    }
    SECTION("full-width letters and digits")
    {
        check_table({
            {"\xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C", "full"}, // "ｆｕｌｌ"
            {"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"},              // "ＡＢＣ"
            {"\xEF\xBC\x91\xEF\xBC\x92", "12"},                           // "１２"
        });
    }
    SECTION("superscripts, roman numerals and half-width katakana")
    {
        check_table({
            {"m\xC2\xB2", "m2"},                                             // "m²"
            {"\xE2\x85\xAB", "xii"},                                         // U+216B ROMAN NUMERAL TWELVE
            {"\xEF\xBD\xB6\xEF\xBE\x9E\xEF\xBD\xB2\xEF\xBE\x84\xEF\xBE\x9E", // "ｶﾞｲﾄﾞ"
             "\xE3\x82\xAC\xE3\x82\xA4\xE3\x83\x89"}, // "ガイド": voicing marks kept and composed
        });
    }
}

TEST_CASE("normalize_word case-folds beyond simple lower-casing", "[analyze]")
{
    check_table({
        {"Stra\xC3\x9F"
         "e",
         "strasse"}, // "Straße"
        {"STRASSE", "strasse"},
        {"\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1"}, // "ΣΟΦΙΑ" -> "σοφια"
        {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
         "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"}, // "МОСКВА" -> "москва"
        {"\xC4\xB0stanbul", "istanbul"},                      // "İstanbul": the dot above folds away with the accents
    });
}

TEST_CASE("normalize_word strips accents from Latin, Greek and Cyrillic letters", "[analyze]")
{
    SECTION("precomposed letters")
    {
        check_table({
            {"Caf\xC3\xA9", "cafe"},                // "Café"
            {"\xC3\x85ngstr\xC3\xB6m", "angstrom"}, // "Ångström"
            {"na\xC3\xAFve", "naive"},              // "naïve"
            {"Vi\xE1\xBB\x87t", "viet"},            // "Việt": U+1EC7 carries two marks
            {"\xE1\xBC\x88\xCE\xB8\xE1\xBF\x86\xCE\xBD\xCE\xB1\xCE\xB9",
             "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1\xCE\xB9"}, // "Ἀθῆναι" -> "αθηναι"
            {"\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0", "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0"}, // "Ёлка" -> "елка"
        });
    }
    SECTION("decomposed letters meet their precomposed forms")
    {
        check_table({
            {"Cafe\xCC\x81", "cafe"}, // "e" + U+0301 COMBINING ACUTE
            {"A\xCC\x8Angstro\xCC\x88m", "angstrom"},
        });
        CHECK(kosh::normalize_word("Cafe\xCC\x81") == kosh::normalize_word("Caf\xC3\xA9"));
    }
}

TEST_CASE("normalize_word keeps the marks of other scripts", "[analyze]")
{
    check_table({
        {"\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2",
         "\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2"}, // "नेपाल"
        {"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80",
         "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80"}, // "हिन्दी": the virama stays
        {"\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E",
         "\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E"},     // "كَتَبَ": harakat stay
        {"\xED\x95\x9C\xEA\xB5\xAD", "\xED\x95\x9C\xEA\xB5\xAD"}, // "한국" survives decomposition and recomposition
        {"\xE6\x9D\xB1\xE4\xBA\xAC", "\xE6\x9D\xB1\xE4\xBA\xAC"}, // "東京"
    });
}

TEST_CASE("normalize_word drops default-ignorable code points", "[analyze]")
{
    check_table({
        {"co\xC2\xAD"
         "operate",
         "cooperate"},                          // U+00AD SOFT HYPHEN
        {"zero\xE2\x80\x8Bwidth", "zerowidth"}, // U+200B ZERO WIDTH SPACE
    });
}

TEST_CASE("normalize_word returns invalid UTF-8 unchanged rather than failing", "[analyze]")
{
    check_table({
        {"\xFF", "\xFF"},
        {"Caf\xC3", "Caf\xC3"},   // truncated sequence: not even lower-cased
        {"\xC0\xAF", "\xC0\xAF"}, // overlong encoding of '/'
    });
}

TEST_CASE("normalize_word is idempotent", "[analyze]")
{
    for (const char* word :
         {"Stra\xC3\x9F"
          "e",
          "\xEF\xAC\x81nance", "Caf\xC3\xA9", "\xC3\x85ngstr\xC3\xB6m",
          "\xE0\xA4\xA8\xE0\xA5\x87\xE0\xA4\xAA\xE0\xA4\xBE\xE0\xA4\xB2", "\xEF\xBC\xA1\xEF\xBC\xA2"}) {
        INFO("input: " << word);
        const std::string once = kosh::normalize_word(word);
        CHECK(kosh::normalize_word(once) == once);
    }
}
