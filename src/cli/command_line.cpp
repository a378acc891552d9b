// kosh's command line: every subcommand's options, parsing, and the mapping of errors to exit
// statuses. This is the one file that includes CLI11: each file that does inlines its validators
// and builds them again at start-up, a cost every one-shot `kosh ask` would pay.
#include "cli/command_line.h"

#include "cli/ask_command.h"
#include "cli/completions_command.h"
#include "cli/config_file.h"
#include "cli/eval_command.h"
#include "cli/index_command.h"
#include "cli/index_location.h"
#include "cli/init_command.h"
#include "cli/outline_command.h"
#include "cli/search_command.h"
#include "cli/standard_output.h"
#include "cli/stats_command.h"
#include "search/search_settings.h"
#include "util/error.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kosh::cli {

namespace {

// --- checks ------------------------------------------------------------------------------------

/// CLI::Range's check, with the bounds in its error as the help shows them ("not in range 0 to
/// 1", where CLI::Range says "0.000000 to 1.000000"), NaN refused, and its texts formatted by fmt
/// rather than a string stream. Number is int or double, as the help's INT or FLOAT says.
template <typename Number>
CLI::Validator within(Number low, Number high)
{
    static_assert(std::is_same_v<Number, int> || std::is_same_v<Number, double>);
    constexpr const char* type = std::is_integral_v<Number> ? "INT" : "FLOAT";
    return CLI::Validator(
        [low, high](std::string& input) {
            Number value{};
            if (!CLI::detail::lexical_cast(input, value)) {
                return fmt::format("Value {} is not a number", input);
            }
            if (!(value >= low && value <= high)) { // false for NaN too
                return fmt::format("Value {} not in range {} to {}", input, low, high);
            }
            return std::string();
        },
        fmt::format("{} in [{} - {}]", type, low, high));
}

/// Marks an option whose values are `list`, for the shell completions. The mark is a validator
/// that is never run: the command checks the value itself, with its own message.
CLI::Validator offers(ValueList list)
{
    return CLI::Validator().name(std::string(value_list_name(list))).active(false);
}

// --- options that several subcommands share ---------------------------------------------------

/// The index folder: --index, else found as locate_index finds it, before the command runs.
void add_index_option(CLI::App& command, std::string& index_dir)
{
    command
        .add_option("--index", index_dir,
                    "Index folder, or @NAME for a named index in ~/.local/share/kosh (default: $KOSH_INDEX, else "
                    ".kosh/index in the nearest folder with a .kosh, else @default)")
        ->type_name("DIR");
}

/// `options` with the index folder located (index_location.h).
template <typename Options>
Options& with_index(Options& options)
{
    options.index_dir = locate_index(options.index_dir, process_environment, std::filesystem::current_path()).string();
    return options;
}

/// --language for commands that read an index: a check, since the index fixes the language.
void add_language_check_option(CLI::App& command, std::string& language)
{
    command
        .add_option("--language", language,
                    "Check that the index was built with this stemming language (default: the index's own)")
        ->type_name("LANG")
        ->check(offers(ValueList::languages));
}

void add_output_options(CLI::App& command, OutputFlags& flags)
{
    command.add_option("--format", flags.format, "Output format: text, json (JSON Lines), tsv or trec (TREC run)")
        ->type_name("FORMAT")
        ->check(offers(ValueList::output_formats));
    command.add_flag("--json", flags.json, "Same as --format json");
    command.add_option("--color,--colour", flags.color, "Colour the text format: auto, always or never")
        ->type_name("WHEN")
        ->check(offers(ValueList::color_modes));
    command.add_flag("--absolute", flags.absolute,
                     "Print file paths absolute (default: relative to the current folder when below it, else ~/...)");
    command.add_flag("--refresh", flags.refresh,
                     "Index again the files of results that changed since they were indexed, then answer");
}

/// --bm25 K1,B: BM25's parameters, as text until apply_bm25_option checks them.
void add_bm25_option(CLI::App& command, std::string& bm25)
{
    const Bm25Settings defaults;
    command.add_option("--bm25", bm25, fmt::format("BM25 parameters K1,B (default {},{})", defaults.k1, defaults.b))
        ->type_name("K1,B");
}

/// --min-coverage X: how much of a question the best passage must match (search/coverage_gate.h).
void add_min_coverage_option(CLI::App& command, double& min_coverage)
{
    command
        .add_option("--min-coverage", min_coverage,
                    fmt::format("Share (0-1) of the question's weighted words the best passage must match (default {})",
                                k_default_min_coverage))
        ->check(within(0.0, 1.0));
}

/// --expand N: pseudo-relevance feedback, N words from the best passages added to the question.
void add_expand_option(CLI::App& command, std::optional<int>& expand)
{
    command
        .add_option("--expand", expand,
                    "Add N words from the 10 best passages to the question, weighing half as much in all "
                    "(pseudo-relevance feedback; default 20 when ranking files, --per-doc or --qrels, else 0)")
        ->type_name("N")
        ->check(within(0, 100));
}

// --- the subcommands ----------------------------------------------------------------------------

CLI::App* add_index_command(CLI::App& app, IndexCommandOptions& options)
{
    auto* command = app.add_subcommand(
        "index", "Add files and folders to the index and index them; alone, bring every root up to date");
    command->add_option("path", options.inputs, "Files and folders to index, recursively, kept as roots of the index")
        ->type_name("PATH");
    add_index_option(*command, options.index_dir);
    auto* remove = command->add_flag("--remove", options.remove, "Drop the PATHs, roots of the index, and their files");
    auto* only = command->add_flag("--only", options.only,
                                   "Make the PATHs the index's only roots, dropping every other root's files");
    auto* list = command->add_flag("--list", options.list, "List the index's roots with their file counts");
    command->add_flag("--json", options.json, "With --list: one JSON object per root");
    command->add_flag("--watch", options.watch,
                      "After indexing, keep watching every root and update the index as files change (Ctrl-C stops)");
    remove->excludes(only)->excludes(list);
    only->excludes(list);
    command
        ->add_option("--include", options.include,
                     "Only index files matching GLOB, even ones left out as not documents (repeatable)")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    command->add_option("--exclude", options.exclude, "Skip files and folders matching GLOB (repeatable)")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    command->add_flag("--all-files", options.all_files,
                      "Index source code, data, logs, lock files and patches too, which are left out as not "
                      "documents");
    command->add_option("--language", options.language, "Stemming language, or 'none' (default english)")
        ->type_name("LANG")
        ->check(offers(ValueList::languages));
    command
        ->add_option("--shards", options.shards,
                     "Write a new index as N shards built side by side (default: as the index is, 1 when new)")
        ->type_name("N")
        ->check(within(1, 256));
    command
        ->add_option("--synonyms", options.synonyms,
                     "Words and phrases that mean the same, one group a line: 'USSR = Soviet Union' "
                     "(replaces the index's groups; without it they are kept)")
        ->type_name("FILE");
    command->add_flag("--rebuild", options.rebuild, "Re-read every file, even unchanged ones");
    command
        ->add_option("--average-length", options.average_length,
                     "Passage length that BM25 takes as average, for a new or rebuilt index (default: measured "
                     "on the files; give shards built apart the same value)")
        ->type_name("N")
        ->check(within(1.0, 1e6));
    command
        ->add_option("--wait", options.wait_seconds,
                     "Seconds to wait for another kosh index run on the same index (default 5)")
        ->type_name("SECONDS")
        ->check(within(0.0, 86400.0));
    command->add_flag("-q,--quiet", options.quiet,
                      "Print no progress and no summary, and one line counting the files skipped in place of "
                      "a warning for each");
    command->add_flag("--verbose", options.verbose, "Print a warning for each file skipped, even with -q");
    return command;
}

CLI::App* add_ask_command(CLI::App& app, AskOptions& options)
{
    auto* command = app.add_subcommand("ask", "Answer a natural-language question with ranked passages");
    command->add_option("question", options.question_words, "The question (several words are joined)");
    command
        ->add_option("--batch", options.batch,
                     "Answer every line of FILE ('-' for stdin): 'question' or 'id<TAB>question'")
        ->type_name("FILE");
    command->add_option("-n,--limit", options.limit, "Passages to show per question (default 3)")
        ->check(within(1, 1000));
    add_min_coverage_option(*command, options.min_coverage);
    command
        ->add_option("--min-confidence", options.min_confidence,
                     "Print an answer sentence only when its confidence (0-1) is at least X; exit 3 when "
                     "passages were found but no answer was confident enough")
        ->type_name("X")
        ->check(within(0.0, 1.0));
    command->add_flag("--explain", options.explain,
                      "After each result: the query, each word's share of the top passage's score, why the answer won");
    add_bm25_option(*command, options.bm25);
    add_expand_option(*command, options.expand);
    command->add_flag("--per-doc", options.per_doc,
                      "One result per file, its best passage: -n counts files (for --format trec runs)");
    add_index_option(*command, options.index_dir);
    add_language_check_option(*command, options.language);
    add_output_options(*command, options.output);
    command
        ->add_option("-C,--context", options.context,
                     "Also show the N passages before and after each one in its file (default 0)")
        ->type_name("N")
        ->check(within(0, 100));
    return command;
}

CLI::App* add_search_command(CLI::App& app, SearchCommandOptions& options)
{
    auto* command = app.add_subcommand("search", "Search with keywords, phrases, boolean operators and fields");
    command->add_option("query", options.query_words, "The query (several words are joined)")->required();
    command->add_option("-n,--limit", options.limit, "Passages to show (default 10)")->check(within(1, 10000));
    command->add_flag("--any", options.any, "Match passages with any of the words, not all of them");
    command->add_flag("--explain", options.explain,
                      "After the results: the parsed query and each word's share of the top passage's score");
    add_bm25_option(*command, options.bm25);
    add_index_option(*command, options.index_dir);
    add_language_check_option(*command, options.language);
    add_output_options(*command, options.output);
    command
        ->add_option("-C,--context", options.context,
                     "Also show the N passages before and after each one in its file (default 0)")
        ->type_name("N")
        ->check(within(0, 100));
    return command;
}

CLI::App* add_stats_command(CLI::App& app, StatsOptions& options)
{
    auto* command = app.add_subcommand("stats", "Show what the index holds");
    add_index_option(*command, options.index_dir);
    command->add_option("--format", options.output.format, "Output format: text or json")
        ->type_name("FORMAT")
        ->check(offers(ValueList::report_formats));
    command->add_flag("--json", options.output.json, "Same as --format json");
    return command;
}

CLI::App* add_init_command(CLI::App& app, InitOptions& options)
{
    auto* command = app.add_subcommand(
        "init", "Make FOLDER (default: here) a project: kosh run in it or below uses its own index, .kosh/index");
    command->add_option("folder", options.folder, "The project's folder")->type_name("DIR");
    return command;
}

CLI::App* add_outline_command(CLI::App& app, OutlineOptions& options)
{
    auto* command = app.add_subcommand("outline", "Print the heading tree kosh finds in files");
    command->add_option("file", options.files, "Files to parse")->required()->type_name("FILE");
    return command;
}

CLI::App* add_eval_command(CLI::App& app, EvalOptions& options)
{
    auto* command = app.add_subcommand("eval", "Measure answer and ranking quality on questions with known answers");
    command
        ->add_option(
            "questions", options.questions,
            "Questions: 'id<TAB>question<TAB>answer...' lines, or 'id<TAB>question' with --qrels ('-' for stdin)")
        ->required()
        ->type_name("FILE");
    command
        ->add_option("--qrels", options.qrels,
                     "TREC relevance judgements 'qid 0 docid grade': rank documents, not answers")
        ->type_name("FILE");
    command
        ->add_option("-n,--limit", options.depth,
                     "Passages per question (default 10), or documents with --qrels (default 100)")
        ->check(within(1, 1000));
    add_min_coverage_option(*command, options.min_coverage);
    add_bm25_option(*command, options.bm25);
    add_expand_option(*command, options.expand);
    command
        ->add_option("--compare", options.compare,
                     "Run again with this setting changed and show both; NAME is one of " +
                         std::string(k_setting_names) + " (repeatable: all apply to the second run)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    command->add_flag("--per-question", options.per_question,
                      "List the questions missed at rank 1, with their first hit");
    add_index_option(*command, options.index_dir);
    add_language_check_option(*command, options.language);
    command->add_option("--format", options.format, "Output format: text or json")
        ->type_name("FORMAT")
        ->check(offers(ValueList::report_formats));
    command->add_flag("--json", options.json, "Same as --format json");
    return command;
}

CLI::App* add_completions_command(CLI::App& app, CompletionsOptions& options)
{
    auto* command = app.add_subcommand("completions", "Print the shell completion script for bash, zsh or fish");
    command->add_option("shell", options.shell, "bash, zsh or fish")
        ->required()
        ->type_name("SHELL")
        ->check(offers(ValueList::shells));
    return command;
}

// --- the description the completions are written from ------------------------------------------

/// The list `option` was marked with by offers(), if any.
std::optional<ValueList> offered_list(CLI::Option& option)
{
    for (const ValueList list : k_value_lists) {
        try {
            option.get_validator(std::string(value_list_name(list)));
            return list;
        } catch (const CLI::OptionNotFound&) {
            // CLI11 offers no other way to ask whether an option has a validator of that name.
        }
    }
    return std::nullopt;
}

Value describe_value(CLI::Option& option)
{
    Value value;
    if (option.get_items_expected_max() == 0) {
        return value; // a flag
    }
    // The type name as the help shows it, without the validators' texts CLI11 appends after ':'.
    const std::string type_name = option.get_type_name();
    value.name = option.get_positional() ? option.get_name(true) : type_name.substr(0, type_name.find(':'));
    if (const auto list = offered_list(option)) {
        value.kind = ValueKind::choice;
        value.choices = list_values(*list);
    } else if (type_name.starts_with("FILE") || type_name.starts_with("PATH")) {
        value.kind = ValueKind::file;
    } else if (type_name.starts_with("DIR")) {
        value.kind = ValueKind::directory;
    } else {
        value.kind = ValueKind::text;
    }
    return value;
}

OptionSpec describe_option(CLI::Option& option)
{
    OptionSpec spec;
    spec.long_names = option.get_lnames();
    spec.short_names = option.get_snames();
    spec.description = option.get_description();
    spec.value = describe_value(option);
    spec.repeatable = option.get_items_expected_max() > 1;
    return spec;
}

/// `app`'s options (those with names) and its arguments, in the order they were added.
void describe_options(CLI::App& app, std::vector<OptionSpec>& options, std::vector<OptionSpec>& arguments)
{
    for (CLI::Option* option : app.get_options()) {
        (option->nonpositional() ? options : arguments).push_back(describe_option(*option));
    }
}

ProgramSpec describe_program(CLI::App& app)
{
    ProgramSpec program;
    program.name = app.get_name();
    std::vector<OptionSpec> no_arguments;
    describe_options(app, program.options, no_arguments);
    for (CLI::App* subcommand : app.get_subcommands([](CLI::App*) { return true; })) {
        CommandSpec command;
        command.name = subcommand->get_name();
        command.description = subcommand->get_description();
        describe_options(*subcommand, command.options, command.arguments);
        program.commands.push_back(std::move(command));
    }
    return program;
}

// --- building and running -----------------------------------------------------------------------

struct Subcommand {
    std::string_view name;
    std::function<CLI::App*(CLI::App&)> add;
    std::function<int()> run;
    CLI::App* app = nullptr;
};

/// The subcommand to build: argv[1] when it names one. Otherwise (no arguments, --help, a typo)
/// none is chosen and all are built, so help and errors can list every subcommand.
std::string_view chosen_subcommand(int argc, char** argv, const std::vector<Subcommand>& subcommands)
{
    if (argc < 2) {
        return {};
    }
    const std::string_view first = argv[1];
    for (const auto& subcommand : subcommands) {
        if (subcommand.name == first) {
            return first;
        }
    }
    return {};
}

/// Every subcommand's options, filled in by parsing.
struct CommandOptions {
    IndexCommandOptions index;
    AskOptions ask;
    SearchCommandOptions search;
    StatsOptions stats;
    InitOptions init;
    OutlineOptions outline;
    EvalOptions eval;
    CompletionsOptions completions;
};

/// The top level of the command line, before any subcommand is added.
void set_up_program(CLI::App& app)
{
    app.description("kosh: ask questions of a pile of documents, from the terminal");
    app.name("kosh");
    app.set_version_flag("-V,--version", "kosh " KOSH_VERSION);
    app.require_subcommand(1);
    // Taken out of the arguments before parsing (without_no_config), so it is accepted after the
    // subcommand too; declared here for the help and the completions.
    app.add_flag("--no-config")->description("Read no configuration file (see KOSH_CONFIG)");
}

/// The subcommands, in the order help lists them. `completions` describes `app`, so it needs all
/// of the others built.
std::vector<Subcommand> make_subcommands(CommandOptions& options, CLI::App& app)
{
    return {
        {"index", [&](CLI::App& to) { return add_index_command(to, options.index); },
         [&] { return run_index_command(with_index(options.index)); }},
        {"ask", [&](CLI::App& to) { return add_ask_command(to, options.ask); },
         [&] { return run_ask_command(with_index(options.ask)); }},
        {"search", [&](CLI::App& to) { return add_search_command(to, options.search); },
         [&] { return run_search_command(with_index(options.search)); }},
        {"stats", [&](CLI::App& to) { return add_stats_command(to, options.stats); },
         [&] { return run_stats_command(with_index(options.stats)); }},
        {"init", [&](CLI::App& to) { return add_init_command(to, options.init); },
         [&] { return run_init_command(options.init); }},
        {"outline", [&](CLI::App& to) { return add_outline_command(to, options.outline); },
         [&] { return run_outline_command(options.outline); }},
        {"eval", [&](CLI::App& to) { return add_eval_command(to, options.eval); },
         [&] { return run_eval_command(with_index(options.eval)); }},
        {"completions", [&](CLI::App& to) { return add_completions_command(to, options.completions); },
         [&] { return run_completions_command(options.completions, describe_program(app)); }},
    };
}

/// The first argument before any "--" that looks like an option but is none of `command`'s.
std::optional<std::string_view> unknown_option(const CLI::App& command, int argc, char** argv)
{
    for (int i = 2; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--") {
            break;
        }
        if (argument.size() < 2 || argument[0] != '-') {
            continue;
        }
        // "--name=value" and "-nVALUE" are known by their name alone.
        const std::string_view name =
            argument.starts_with("--") ? argument.substr(0, argument.find('=')) : argument.substr(0, 2);
        if (command.get_option_no_throw(std::string(name)) == nullptr) {
            return argument;
        }
    }
    return std::nullopt;
}

/// `word` as the shell would read it back: as it is when it is plain, else in single quotes.
std::string shell_word(std::string_view word)
{
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("-_.,:/=+@%").find(c) != std::string_view::npos;
    });
    if (plain) {
        return std::string(word);
    }
    std::string quoted = "'";
    for (const char c : word) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// --- configuration files -------------------------------------------------------------------------

/// The arguments without "--no-config" (before any "--"), and whether it was there.
bool without_no_config(std::vector<char*>& arguments)
{
    bool found = false;
    for (auto it = arguments.begin() + 1; it != arguments.end();) {
        const std::string_view argument = *it;
        if (argument == "--") {
            break;
        }
        if (argument == "--no-config") {
            found = true;
            it = arguments.erase(it);
        } else {
            ++it;
        }
    }
    return found;
}

/// The subcommand option a setting names, or nullptr when `command` has none of that long name.
CLI::Option* setting_option(CLI::App& command, const ConfigSetting& setting)
{
    CLI::Option* option = command.get_option_no_throw("--" + setting.name);
    return option != nullptr && option->nonpositional() && setting.name != "help" ? option : nullptr;
}

/// Why `value` is wrong for `option`: as a flag or a list of choices, then as its own checks say.
std::string check_option_value(CLI::Option& option, const ConfigSetting& setting)
{
    std::vector<std::string> choices;
    if (const auto list = offered_list(option)) {
        choices = list_values(*list);
    }
    const bool is_flag = option.get_items_expected_max() == 0;
    std::string why = check_config_value(setting.name, is_flag, choices, setting.value);
    for (int i = 0; why.empty() && !is_flag; ++i) {
        CLI::Validator* validator = nullptr;
        try {
            validator = option.get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            break; // no more validators
        }
        std::string value = setting.value;
        if (const std::string error = (*validator)(value); !error.empty()) {
            why = fmt::format("--{}: {}", setting.name, error);
        }
    }
    return why;
}

/// Checks a setting that does not apply to `chosen` against the subcommands it names (all of
/// them for a bare name). Builds the description of every subcommand only when a setting needs it.
void check_other_setting(const ConfigSetting& setting, std::optional<ProgramSpec>& program)
{
    if (!program) {
        program = describe_command_line();
    }
    bool known_command = setting.command.empty();
    const OptionSpec* found = nullptr;
    for (const auto& command : program->commands) {
        if (!setting.command.empty() && command.name != setting.command) {
            continue;
        }
        known_command = true;
        for (const auto& option : command.options) {
            if (std::find(option.long_names.begin(), option.long_names.end(), setting.name) !=
                    option.long_names.end() &&
                setting.name != "help") {
                found = &option;
            }
        }
    }
    if (!known_command) {
        throw config_error(setting, fmt::format("unknown subcommand '{}'", setting.command));
    }
    if (found == nullptr) {
        throw config_error(setting, setting.command.empty()
                                        ? fmt::format("no subcommand has an option --{}", setting.name)
                                        : fmt::format("kosh {} has no option --{}", setting.command, setting.name));
    }
    const std::string why =
        check_config_value(setting.name, found->value.kind == ValueKind::none, found->value.choices, setting.value);
    if (!why.empty()) {
        throw config_error(setting, why);
    }
}

/// The settings that apply to the subcommand `command` (named `chosen`), as arguments to put
/// before the user's own: "--limit=5", "--explain=true". Every setting is checked first, those for
/// other subcommands too, so a bad line is reported wherever it applies. Single-value options take
/// their last value, so the user's own arguments, which come later, win. Throws ConfigError.
std::vector<std::string> config_arguments(CLI::App& command, std::string_view chosen,
                                          const std::vector<ConfigSetting>& settings)
{
    std::vector<std::string> arguments;
    std::optional<ProgramSpec> program;
    for (const auto& setting : settings) {
        CLI::Option* option =
            setting.command.empty() || setting.command == chosen ? setting_option(command, setting) : nullptr;
        if (option == nullptr) {
            check_other_setting(setting, program);
            continue;
        }
        if (const std::string why = check_option_value(*option, setting); !why.empty()) {
            throw config_error(setting, why);
        }
        if (option->get_items_expected_max() == 1) {
            option->take_last();
        }
        arguments.push_back(fmt::format("--{}={}", setting.name, setting.value));
    }
    return arguments;
}

} // namespace

ProgramSpec describe_command_line()
{
    CLI::App app;
    set_up_program(app);
    CommandOptions options;
    for (auto& subcommand : make_subcommands(options, app)) {
        subcommand.add(app);
    }
    return describe_program(app);
}

int run_command_line(int original_argc, char** original_argv)
{
    ignore_broken_pipes();
    std::vector<char*> user_arguments(original_argv, original_argv + original_argc);
    const bool no_config = without_no_config(user_arguments);
    int argc = static_cast<int>(user_arguments.size());
    char** argv = user_arguments.data();
    CLI::App app;
    set_up_program(app);
    CommandOptions options;
    std::vector<Subcommand> subcommands = make_subcommands(options, app);
    // Each subcommand's options cost allocations and time to build; a one-shot `kosh ask` builds
    // only its own. `kosh completions` describes them all.
    const std::string_view chosen = chosen_subcommand(argc, argv, subcommands);
    for (auto& subcommand : subcommands) {
        if (chosen.empty() || chosen == "completions" || subcommand.name == chosen) {
            subcommand.app = subcommand.add(app);
        }
    }

    // The configuration's settings go right after the subcommand's name, before the user's own
    // arguments, so CLI11 checks them as it checks those and the user's come later and win.
    std::vector<std::string> config_words;
    if (!chosen.empty() && !no_config) {
        try {
            CLI::App* command = nullptr;
            for (const auto& subcommand : subcommands) {
                command = subcommand.name == chosen ? subcommand.app : command;
            }
            config_words =
                config_arguments(*command, chosen,
                                 read_config_files(config_files(process_environment, std::filesystem::current_path())));
        } catch (const ConfigError& error) {
            fmt::print(stderr, "kosh: {}\n", error.what());
            return k_exit_error;
        } catch (const std::filesystem::filesystem_error& error) {
            fmt::print(stderr, "kosh: {}\n", error.what());
            return k_exit_error;
        }
    }
    std::vector<char*> parsed_arguments(argv, argv + argc);
    parsed_arguments.insert(parsed_arguments.begin() + 2, config_words.size(), nullptr);
    for (std::size_t i = 0; i < config_words.size(); ++i) {
        parsed_arguments[2 + i] = config_words[i].data();
    }

    try {
        app.parse(static_cast<int>(parsed_arguments.size()), parsed_arguments.data());
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
        // `kosh search -flto`: a query that starts with '-' reads as an option (and then the
        // query is missing, or the option is not expected).
        for (const auto& subcommand : subcommands) {
            if ((chosen == "ask" || chosen == "search") && subcommand.name == chosen) {
                if (const auto option = unknown_option(*subcommand.app, argc, argv)) {
                    fmt::print(stderr,
                               "kosh: unknown option '{}'; to search for it, put -- before the query: kosh {} -- {}\n",
                               *option, chosen, shell_word(*option));
                    return k_exit_error;
                }
            }
        }
        // One line, as every other error: what is wrong, then where the usage is.
        fmt::print(stderr, "kosh: {}; see 'kosh {}{}--help'\n", error.what(), chosen, chosen.empty() ? "" : " ");
        return k_exit_error;
    }

    try {
        for (const auto& subcommand : subcommands) {
            if (subcommand.app != nullptr && subcommand.app->parsed()) {
                std::cout.flush();
                const int status = subcommand.run();
                std::cout.flush();
                std::fflush(stdout);
                check_standard_output();
                return status;
            }
        }
    } catch (const OutputClosed&) {
        return k_exit_found;
    } catch (const ErrorBase& error) {
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

} // namespace kosh::cli
