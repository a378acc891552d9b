// `kosh search`: keyword and boolean queries in Xapian's query syntax.
#pragma once

#include "cli/common.h"

#include <string>
#include <vector>

namespace kosh::cli {

struct SearchCommandOptions {
    std::vector<std::string> query_words;
    std::string index_dir;
    std::string language; // empty: use the index's language
    int limit = 10;
    bool any = false; // OR the words instead of AND
    bool explain = false;
    std::string bm25; // "K1,B"; empty for the defaults
    int context = 0;  // -C N
    OutputFlags output;
};

[[nodiscard]] int run_search_command(const SearchCommandOptions& options);

} // namespace kosh::cli
