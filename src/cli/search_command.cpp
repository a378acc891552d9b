// `kosh search`: keyword and boolean queries in Xapian's query syntax.
#include "cli/search_command.h"

#include "cli/session.h"
#include "index/database.h"
#include "util/error.h"

#include <iostream>

namespace kosh::cli {

CLI::App* setup_search_command(CLI::App& app, SearchCommandOptions& options)
{
    auto* command = app.add_subcommand("search", "Search with keywords, phrases, boolean operators and fields");
    command->add_option("query", options.query_words, "The query (several words are joined)")->required();
    command->add_option("-n,--limit", options.limit, "Passages to show (default 10)")->check(CLI::Range(1, 10000));
    command->add_flag("--any", options.any, "Match passages with any of the words, not all of them");
    command->add_flag("--explain", options.explain,
                      "After the results: the parsed query and each word's share of the top passage's score");
    add_bm25_option(*command, options.bm25);
    add_index_option(*command, options.index_dir);
    add_language_check_option(*command, options.language);
    add_output_options(*command, options.output);
    return command;
}

int run_search_command(const SearchCommandOptions& options)
{
    PrinterOptions printer_options = make_printer_options(options.output);
    printer_options.show_answer = false;
    Xapian::Database db = open_index(options.index_dir);
    Searcher searcher(db, search_language(db, options.index_dir, options.language));
    SearchOptions search_options;
    search_options.limit = options.limit;
    search_options.default_operator = options.any ? DefaultOperator::any : DefaultOperator::all;
    search_options.explain = options.explain;
    apply_bm25_option(options.bm25, search_options);

    auto printer = make_printer(std::cout, printer_options);
    Session session(*printer);
    const std::string query = join_words(options.query_words);
    session.run("", query, [&] { return searcher.search(query, search_options); });
    return session.finish();
}

} // namespace kosh::cli
