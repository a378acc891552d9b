// kosh: index a pile of documents and answer questions about them from the terminal.
// This file only builds the command line, dispatches to a subcommand and maps errors to exit codes.
#include "cli/ask_command.h"
#include "cli/eval_command.h"
#include "cli/index_allocator.h"
#include "cli/index_command.h"
#include "cli/outline_command.h"
#include "cli/search_command.h"
#include "cli/stats_command.h"
#include "util/error.h"

#include <fmt/format.h>
#include <xapian.h>

#include <functional>
#include <iostream>

namespace {

struct Command {
    CLI::App* app;
    std::function<int()> run;
};

} // namespace

int main(int argc, char** argv)
{
    using namespace kosh::cli;
#ifdef KOSH_JEMALLOC_PATH
    reexec_index_with(KOSH_JEMALLOC_PATH, argc, argv);
#endif
    CLI::App app{"kosh: ask questions of a pile of documents, from the terminal", "kosh"};
    app.set_version_flag("-V,--version", "kosh " KOSH_VERSION);
    app.require_subcommand(1);

    IndexCommandOptions index_options;
    AskOptions ask_options;
    SearchCommandOptions search_options;
    StatsOptions stats_options;
    OutlineOptions outline_options;
    EvalOptions eval_options;
    const Command commands[] = {
        {setup_index_command(app, index_options), [&] { return run_index_command(index_options); }},
        {setup_ask_command(app, ask_options), [&] { return run_ask_command(ask_options); }},
        {setup_search_command(app, search_options), [&] { return run_search_command(search_options); }},
        {setup_stats_command(app, stats_options), [&] { return run_stats_command(stats_options); }},
        {setup_outline_command(app, outline_options), [&] { return run_outline_command(outline_options); }},
        {setup_eval_command(app, eval_options), [&] { return run_eval_command(eval_options); }},
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return k_exit_found;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help("", CLI::AppFormatMode::All);
        return k_exit_found;
    } catch (const CLI::CallForVersion&) {
        std::cout << "kosh " KOSH_VERSION "\n";
        return k_exit_found;
    } catch (const CLI::ParseError& error) {
        fmt::print(stderr, "kosh: {}\nRun 'kosh --help' for usage.\n", error.what());
        return k_exit_error;
    }

    try {
        for (const auto& command : commands) {
            if (command.app->parsed()) {
                std::cout.flush();
                const int status = command.run();
                std::cout.flush();
                return status;
            }
        }
    } catch (const kosh::ErrorBase& error) {
        std::cout.flush();
        fmt::print(stderr, "kosh: {}\n", error.what());
    } catch (const Xapian::Error& error) {
        std::cout.flush();
        fmt::print(stderr, "kosh: {}\n", error.get_description());
    } catch (const std::exception& error) {
        std::cout.flush();
        fmt::print(stderr, "kosh: {}\n", error.what());
    }
    return k_exit_error;
}
