// Tests for turning questions and query strings into Xapian queries with the index-time analysis.
#include "search/query_builder.h"
#include "util/error.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace {

using kosh::Analyzer;
using kosh::DefaultOperator;
using Strings = std::vector<std::string>;

Xapian::Database empty_database()
{
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

std::string parsed(std::string_view query, Analyzer& analyzer, DefaultOperator op = DefaultOperator::all)
{
    static const Xapian::Database db = empty_database();
    return kosh::parse_search_query(query, analyzer, db, op).get_description();
}

} // namespace

TEST_CASE("normalize_query_text normalizes words but keeps operators, syntax and path values", "[search]")
{
    struct Row {
        const char* query;
        const char* expected;
    };
    const Row rows[] = {
        {"", ""},
        {"Nepal", "nepal"},
        {"Caf\xC3\xA9 AND Stra\xC3\x9F"
         "e",
         "cafe AND strasse"},
        {"NEPAL OR Russia", "nepal OR russia"},
        {"nepal or russia", "nepal or russia"}, // lower-case "or" is a word, not an operator
        {"NOT \xC3\x85ngstr\xC3\xB6m", "NOT angstrom"},
        {"a NEAR b ADJ c XOR d", "a NEAR b ADJ c XOR d"},
        {"Nepal AND (Russia OR India)", "nepal AND (russia OR india)"},
        {"\"Capital Is\"", "\"capital is\""},
        {"title:Nepal", "title:nepal"},
        {"section:Hydro*", "section:hydro*"},
        {"path:Docs/\xC3\x9C"
         "ber.md Koshi",
         "path:Docs/\xC3\x9C"
         "ber.md koshi"},
        {"path:Docs/A.md\tKoshi", "path:Docs/A.md\tkoshi"},
        {"Nepal's", "nepal's"},
        {"-Koshi +Nepal", "-koshi +nepal"},
        {"\xEF\xAC\x81nance", "finance"},
        {"  spaced   OUT  ", "  spaced   out  "},
        // An identifier with underscores: itself whole, or the phrase of its words; whole alone
        // where a group cannot go.
        {"find_package", "(find_package OR find-package)"},
        {"CMAKE_BUILD_TYPE NOT x", "(cmake_build_type OR cmake-build-type) NOT x"},
        {"__init__", "(__init__ OR init)"},
        {"title:spin_lock_irqsave", "title:spin_lock_irqsave"},
        {"\"call find_package\" -O_APPEND", "\"call find_package\" -o_append"},
        {"find_pack*", "find_pack*"},
        {"_ __", "_ __"},
        // A long option is the phrase of its words, not an exclusion.
        {"git --no-verify", "git (__no_verify OR no-verify)"},
        {"(--Depth OR x)", "((__depth OR depth) OR x)"},
        {"\"git --no-verify\"", "\"git __no_verify\""},
        {"-- -x", "-- -x"},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK(kosh::normalize_query_text(row.query) == row.expected);
    }
}

TEST_CASE("analyze_question keeps content words and their unique stems", "[search]")
{
    Analyzer analyzer("english");
    struct Row {
        const char* question;
        Strings words;
        Strings stems;
    };
    const Row rows[] = {
        {"What is the capital of Nepal?", {"capital", "nepal"}, {"capit", "nepal"}},
        {"When were relations with Russia established?",
         {"relations", "russia", "established"},
         {"relat", "russia", "establish"}},
        {"Relations, relation and RELATIONS", {"relations", "relation", "relations"}, {"relat"}},
        {"Caf\xC3\xA9 culture", {"cafe", "culture"}, {"cafe", "cultur"}},
        // Nothing but stopwords: then every word counts.
        {"What is it?", {"what", "is", "it"}, {"what", "is", "it"}},
        {"the the of", {"the", "the", "of"}, {"the", "of"}},
        {"", {}, {}},
        {"?!", {}, {}},
    };
    for (const Row& row : rows) {
        INFO("question: " << row.question);
        const kosh::QuestionTerms terms = kosh::analyze_question(analyzer, row.question);
        CHECK(terms.words == row.words);
        CHECK(terms.stems == row.stems);
    }
    SECTION("each content word keeps its stem, repeats and all, and every word its place")
    {
        const kosh::QuestionTerms terms = kosh::analyze_question(analyzer, "Were the relations, the RELATIONS, built?");
        CHECK(terms.words == Strings{"relations", "relations", "built"});
        CHECK(terms.word_stems == Strings{"relat", "relat", "built"});
        CHECK_FALSE(terms.only_stopwords);
        REQUIRE(terms.tokens.size() == 6);
        CHECK(terms.tokens[4].token.term == "relations");
        CHECK(terms.tokens[4].token.begin == 24);
        CHECK(terms.tokens[4].token.end == 33);
        CHECK(terms.tokens[4].stem == "relat");
        CHECK(terms.all.words == Strings{"were", "the", "relations", "the", "relations", "built"});
    }
    SECTION("a question of stopwords alone ranks on all of them, and says so")
    {
        const kosh::QuestionTerms terms = kosh::analyze_question(analyzer, "What is it?");
        CHECK(terms.only_stopwords);
        CHECK(terms.word_stems == Strings{"what", "is", "it"});
    }
    SECTION("without stemming the stems are the words")
    {
        Analyzer none("none");
        const kosh::QuestionTerms terms = kosh::analyze_question(none, "Where are the Relations?");
        CHECK(terms.words == Strings{"relations"});
        CHECK(terms.stems == Strings{"relations"});
    }
}

TEST_CASE("build_question_query ORs each stem's ranking term", "[search]")
{
    kosh::QuestionTerms terms;
    terms.stems = {"capit", "nepal"};
    SECTION("one term per stem: headings and titles are inside it")
    {
        CHECK(kosh::build_question_query(terms).get_description() == "Query((Zcapit OR Znepal))");
        const auto leaves = kosh::question_query_leaves(terms);
        REQUIRE(leaves.size() == 2);
        CHECK(leaves[1].term == "Znepal");
        CHECK(leaves[1].factor == 1.0);
    }
    SECTION("no stems: an empty query")
    {
        CHECK(kosh::build_question_query(kosh::QuestionTerms{}).empty());
    }
    SECTION("a stem too long for a Xapian term is left out")
    {
        terms.stems = {std::string(239, 'x'), "nepal"};
        CHECK(kosh::build_question_query(terms).get_description() == "Query(Znepal)");
        CHECK(kosh::question_query_leaves(terms).size() == 1);
    }
}

TEST_CASE("parse_search_query maps fields to the schema's prefixes, stemmed", "[search]")
{
    Analyzer analyzer("english");
    struct Row {
        const char* query;
        const char* description;
    };
    const Row rows[] = {
        {"Relations", "Query((Zrelat@1 OR ZSrelat@1 OR ZTrelat@1))"},
        {"title:Nepal", "Query(ZTnepal@1)"},
        {"section:Relations", "Query(ZSrelat@1)"},
        {"heading:Rivers", "Query(ZSriver@1)"},
        {"path:docs/Nepal.md", "Query(0 * Pdocs/Nepal.md)"},
        {"path:docs/ koshi", "Query(((Zkoshi@1 OR ZSkoshi@1 OR ZTkoshi@1) FILTER Pdocs/))"},
        {"NOT koshi", "Query((<alldocuments> AND_NOT (Zkoshi@1 OR ZSkoshi@1 OR ZTkoshi@1)))"},
        {"Nepal Russia", "Query(((Znepal@1 OR ZSnepal@1 OR ZTnepal@1) AND (Zrussia@2 OR ZSrussia@2 OR ZTrussia@2)))"},
        {"\"Capital Is\"",
         "Query(((capital@1 PHRASE 2 is@2) OR (Scapital@1 PHRASE 2 Sis@2) OR (Tcapital@1 PHRASE 2 Tis@2)))"},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK(parsed(row.query, analyzer) == row.description);
    }
    SECTION("OR as the default operator")
    {
        CHECK(parsed("Nepal Russia", analyzer, DefaultOperator::any) ==
              "Query(((Znepal@1 OR ZSnepal@1 OR ZTnepal@1) OR (Zrussia@2 OR ZSrussia@2 OR ZTrussia@2)))");
    }
    SECTION("without stemming, words are matched unstemmed")
    {
        Analyzer none("none");
        CHECK(parsed("Relations", none) == "Query((relations@1 OR Srelations@1 OR Trelations@1))");
        CHECK(parsed("title:Relations", none) == "Query(Trelations@1)");
    }
}

TEST_CASE("parse_search_query takes a query of 1,000 words and refuses one more", "[search]")
{
    Analyzer analyzer("english");
    const Xapian::Database db = empty_database();
    std::string query = "word";
    for (int i = 1; i < 1000; ++i) {
        query += " word";
    }
    CHECK_NOTHROW(kosh::parse_search_query(query, analyzer, db, DefaultOperator::any));
    CHECK_THROWS_WITH(kosh::parse_search_query(query + " word", analyzer, db, DefaultOperator::any),
                      "the query has 1001 words; kosh search takes at most 1000");
}

TEST_CASE("parse_search_query throws Error with Xapian's message for a malformed query", "[search]")
{
    Analyzer analyzer("english");
    const Xapian::Database db = empty_database();
    struct Row {
        const char* query;
        const char* message;
    };
    const Row rows[] = {
        {"koshi AND", "cannot parse query: Syntax: <expression> AND <expression>"},
        {"AND", "cannot parse query: Syntax: <expression> AND <expression>"},
        {"OR koshi", "cannot parse query: Syntax: <expression> OR <expression>"},
        {"NOT", "cannot parse query: Syntax: <expression> NOT <expression>"},
    };
    for (const Row& row : rows) {
        INFO("query: " << row.query);
        CHECK_THROWS_AS(kosh::parse_search_query(row.query, analyzer, db, DefaultOperator::all), kosh::Error);
        CHECK_THROWS_WITH(kosh::parse_search_query(row.query, analyzer, db, DefaultOperator::all), row.message);
    }
    SECTION("Xapian recovers from an unbalanced quote or bracket instead of failing")
    {
        CHECK(
            parsed("\"unbalanced AND (", analyzer) ==
            "Query(((unbalanced@1 PHRASE 2 and@2) OR (Sunbalanced@1 PHRASE 2 Sand@2) OR (Tunbalanced@1 PHRASE 2 Tand@2)))");
        CHECK(parsed("nepal AND (russia", analyzer) ==
              "Query(((Znepal@1 OR ZSnepal@1 OR ZTnepal@1) AND (Zrussia@2 OR ZSrussia@2 OR ZTrussia@2)))");
        CHECK(parsed("()", analyzer) == "Query()");
    }
}

TEST_CASE("resolve_path_filters makes each path: value absolute and leaves the rest as written", "[search]")
{
    const kosh::PathForms forms{"/home/ann/work", "/home/ann", false};
    struct Row {
        const char* query;
        const char* expected;
    };
    const Row rows[] = {
        {"path:docs/ river", "path:/home/ann/work/docs/ river"},
        {"river path:~/notes/a.md", "river path:/home/ann/notes/a.md"},
        {"(path:/srv/x/ OR path:y.md) flood", "(path:/srv/x/ OR path:/home/ann/work/y.md) flood"},
        {"-path:old/ flood", "-path:/home/ann/work/old/ flood"},
        {"xpath:docs/ path: river", "xpath:docs/ path: river"}, // not a field, and no value
        {"path:\"my docs/\"", "path:\"my docs/\""},             // quoted: left to the parser
        {"no filters here", "no filters here"},
    };
    for (const Row& row : rows) {
        INFO(row.query);
        CHECK(kosh::resolve_path_filters(row.query, forms) == row.expected);
    }
}
