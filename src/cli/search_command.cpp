// `kosh search`: keyword and boolean queries in Xapian's query syntax.
#include "cli/search_command.h"

#include "cli/session.h"
#include "index/database.h"
#include "search/query_builder.h"
#include "util/error.h"

#include <iostream>

namespace kosh::cli {

int run_search_command(const SearchCommandOptions& options)
{
    PrinterOptions printer_options = make_printer_options(options.output);
    printer_options.show_answer = false;
    Xapian::Database db = open_index(options.index_dir);
    const std::string language = search_language(db, options.index_dir, options.language);
    Searcher searcher(db, language);
    FreshnessCheck freshness(options.index_dir);
    SearchOptions search_options;
    search_options.context = options.context;
    search_options.limit = options.limit;
    search_options.default_operator = options.any ? DefaultOperator::any : DefaultOperator::all;
    search_options.explain = options.explain;
    apply_bm25_option(options.bm25, search_options);
    check_b_for_remote_shards(search_options, options.index_dir, "--bm25");

    auto printer = make_printer(std::cout, printer_options);
    Session session(*printer);
    session.check_freshness(&freshness);
    if (options.output.refresh) {
        session.refresh_outdated(options.index_dir, language, [&] { searcher.reopen(); });
    }
    const std::string query = join_words(options.query_words);
    // The index names files by absolute path; path: filters may be written relative or with ~/.
    const std::string resolved = resolve_path_filters(query, PathForms::of_process());
    session.run("", query, [&] { return searcher.search(resolved, search_options); });
    return session.finish();
}

} // namespace kosh::cli
