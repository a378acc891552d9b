// libFuzzer target: the question -> query and query string -> query paths, run against a small
// index. kosh::Error is the expected answer to bad query syntax; anything else escaping is a bug.
#include "analyze/analyzer.h"
#include "fuzz_check.h"
#include "index/schema.h"
#include "search/passage_context.h"
#include "search/query_builder.h"
#include "util/error.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// Terms as the indexer writes them (index/document_builder.cpp), so wildcards and prefixes have
// something to expand to and match.
void add_field(Xapian::Document& document, kosh::Analyzer& analyzer, std::string_view prefix, std::string_view text)
{
    for (const kosh::AnalyzedToken& word : analyzer.analyze(text)) {
        document.add_posting(kosh::schema::field_term(prefix, word.token.term), word.token.position + 1);
        document.add_term(kosh::schema::stemmed_term(prefix, word.stem));
    }
}

Xapian::WritableDatabase make_database()
{
    struct Passage {
        const char* path;
        const char* title;
        const char* section;
        const char* text;
    };
    const Passage passages[] = {
        {"docs/nepal.md", "Nepal", "Geography", "The Koshi river flows south from the Himalaya into the plains."},
        {"docs/nepal.md", "Nepal", "Foreign relations", "Nepal has relations with India, China and Russia."},
        {"notes/rivers.txt", "Rivers", "Floods",
         "In 2008 the Koshi breached its embankment; 3.5 million were affected."},
        {"notes/cafe.txt", "Caf\xC3\xA9s", "Menu",
         "Caf\xC3\xA9 au lait and Stra\xC3\x9F"
         "e food, Nepal's best."},
    };
    kosh::Analyzer analyzer("english");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Passage& passage : passages) {
        Xapian::Document document;
        add_field(document, analyzer, kosh::schema::k_body_prefix, passage.text);
        add_field(document, analyzer, kosh::schema::k_section_prefix, passage.section);
        add_field(document, analyzer, kosh::schema::k_title_prefix, passage.title);
        const std::string path = passage.path;
        document.add_boolean_term(kosh::schema::field_term(kosh::schema::k_path_prefix, path));
        document.add_boolean_term(
            kosh::schema::field_term(kosh::schema::k_path_prefix, path.substr(0, path.find('/') + 1)));
        db.add_document(document);
    }
    return db;
}

// Runs the query as the searcher would, so a query that parses but cannot be matched shows up.
void run(const Xapian::Database& db, const Xapian::Query& query)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        for (auto term = enquire.get_matching_terms_begin(item); term != enquire.get_matching_terms_end(item); ++term) {
            KOSH_FUZZ_CHECK(!(*term).empty());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    static const Xapian::Database db = make_database();
    static kosh::Analyzer english("english");
    static kosh::Analyzer unstemmed("none");

    // kosh ask: the input as a question.
    const kosh::QuestionTerms terms = kosh::analyze_question(english, input);
    KOSH_FUZZ_CHECK(terms.stems.size() <= terms.words.size());
    run(db, kosh::build_question_query(terms));

    // kosh search: the input as a query string, with both default operators and without stemming.
    (void)kosh::normalize_query_text(input);
    // path: filters are made absolute before parsing; what comes out must parse as well.
    static const kosh::PathForms forms{"/home/ann/work", "/home/ann", false};
    const std::string resolved = kosh::resolve_path_filters(input, forms);
    try {
        run(db, kosh::parse_search_query(resolved, english, db, kosh::DefaultOperator::all));
    } catch (const kosh::Error&) {
    }
    (void)kosh::introduces_what_follows(input);
    for (kosh::Analyzer* analyzer : {&english, &unstemmed}) {
        for (const auto op : {kosh::DefaultOperator::all, kosh::DefaultOperator::any}) {
            try {
                run(db, kosh::parse_search_query(input, *analyzer, db, op));
            } catch (const kosh::Error&) {
                // Malformed syntax: the CLI prints Xapian's message and exits 2.
            }
        }
    }
    return 0;
}
