// Options and helpers shared by the subcommands: where the index is, output format and colour.
#include "cli/common.h"

#include "output/terminal.h"
#include "search/search_settings.h"
#include "util/error.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <sys/ioctl.h>
#include <unistd.h>

namespace kosh::cli {

void add_index_option(CLI::App& command, std::string& index_dir)
{
    index_dir = "index";
    command.add_option("--index", index_dir, "Index folder (default: $KOSH_INDEX, else ./index)")
        ->envname("KOSH_INDEX")
        ->type_name("DIR");
}

void add_language_check_option(CLI::App& command, std::string& language)
{
    command.add_option("--language", language,
                       "Check that the index was built with this stemming language (default: the index's own)")
        ->type_name("LANG");
}

void add_output_options(CLI::App& command, OutputFlags& flags)
{
    command.add_option("--format", flags.format, "Output format: text, json (JSON Lines), tsv or trec (TREC run)")
        ->type_name("FORMAT");
    command.add_flag("--json", flags.json, "Same as --format json");
    command.add_option("--color,--colour", flags.color, "Colour the text format: auto, always or never")
        ->type_name("WHEN");
}

namespace {

int terminal_width()
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

} // namespace

PrinterOptions make_printer_options(const OutputFlags& flags)
{
    PrinterOptions options;
    const auto format = parse_output_format(flags.json ? "json" : flags.format);
    if (!format) {
        throw Fatal(fmt::format("unknown --format '{}' (use text, json, tsv or trec)", flags.format));
    }
    options.format = *format;
    try {
        options.color = decide_color(flags.color, STDOUT_FILENO);
    } catch (const std::invalid_argument&) {
        throw Fatal(fmt::format("unknown --color '{}' (use auto, always or never)", flags.color));
    }
    if (is_terminal(STDOUT_FILENO)) {
        options.width = terminal_width();
    }
    return options;
}

void add_bm25_option(CLI::App& command, std::string& bm25)
{
    command.add_option("--bm25", bm25, "BM25 parameters K1,B (default 1.2,0.75)")->type_name("K1,B");
}

void add_expand_option(CLI::App& command, std::optional<int>& expand)
{
    command.add_option("--expand", expand,
                       "Add N words from the 10 best passages to the question, weighing half as much in all "
                       "(pseudo-relevance feedback; default 20 when ranking files, --per-doc or --qrels, else 0)")
        ->type_name("N")
        ->check(CLI::Range(0, 100));
}

void apply_bm25_option(const std::string& bm25, SearchOptions& options)
{
    if (bm25.empty()) {
        return;
    }
    const auto parameters = value_or_throw<Fatal>(parse_bm25(bm25), "--bm25: ");
    options.bm25_k1 = parameters.k1;
    options.bm25_b = parameters.b;
}

void warn(const std::string& message)
{
    fmt::print(stderr, "kosh: warning: {}\n", sanitize_line_for_terminal(message));
}

} // namespace kosh::cli
