// Tests for the shell completion scripts and the description of the command line they come from.
#include "cli/completions.h"

#include "analyze/stemmer.h"
#include "cli/command_line.h"
#include "cli/common.h"
#include "output/printer.h"
#include "output/terminal.h"

#include <catch2/catch.hpp>

#include <algorithm>

using kosh::cli::CommandSpec;
using kosh::cli::OptionSpec;
using kosh::cli::ProgramSpec;
using kosh::cli::Shell;
using kosh::cli::ValueKind;

namespace {

const CommandSpec& command_named(const ProgramSpec& program, const std::string& name)
{
    const auto found = std::find_if(program.commands.begin(), program.commands.end(),
                                    [&](const CommandSpec& command) { return command.name == name; });
    REQUIRE(found != program.commands.end());
    return *found;
}

const OptionSpec& option_named(const CommandSpec& command, const std::string& long_name)
{
    const auto found = std::find_if(command.options.begin(), command.options.end(), [&](const OptionSpec& option) {
        return std::find(option.long_names.begin(), option.long_names.end(), long_name) != option.long_names.end();
    });
    INFO("kosh " << command.name << " --" << long_name);
    REQUIRE(found != command.options.end());
    return *found;
}

std::vector<std::string> strings(std::span<const std::string_view> names)
{
    return {names.begin(), names.end()};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("describe_command_line lists every subcommand with its options", "[cli]")
{
    const ProgramSpec program = kosh::cli::describe_command_line();
    CHECK(program.name == "kosh");
    std::vector<std::string> names;
    for (const auto& command : program.commands) {
        names.push_back(command.name);
        CHECK_FALSE(command.description.empty());
        CHECK_FALSE(command.options.empty()); // -h,--help at least
    }
    CHECK(names ==
          std::vector<std::string>{"index", "ask", "search", "stats", "init", "outline", "eval", "completions"});

    const auto& ask = command_named(program, "ask");
    const auto& limit = option_named(ask, "limit");
    CHECK(limit.short_names == std::vector<std::string>{"n"});
    CHECK(limit.value.kind == ValueKind::text);
    CHECK(limit.value.name == "INT");
    CHECK(option_named(ask, "explain").value.kind == ValueKind::none);
    CHECK(option_named(ask, "batch").value.kind == ValueKind::file);
    CHECK(option_named(ask, "index").value.kind == ValueKind::directory);
    CHECK(option_named(ask, "color").long_names == std::vector<std::string>{"color", "colour"});
    REQUIRE(ask.arguments.size() == 1);
    CHECK(ask.arguments[0].value.kind == ValueKind::text);
    CHECK(ask.arguments[0].repeatable);

    const auto& index = command_named(program, "index");
    REQUIRE(index.arguments.size() == 1);
    CHECK(index.arguments[0].value.kind == ValueKind::file);
    CHECK(index.arguments[0].value.name == "path");
    CHECK(option_named(index, "include").repeatable);
    CHECK(option_named(index, "include").value.kind == ValueKind::text); // a glob: nothing to offer
    CHECK(option_named(index, "synonyms").value.kind == ValueKind::file);
    CHECK_FALSE(option_named(index, "synonyms").repeatable);
    CHECK(option_named(command_named(program, "eval"), "compare").repeatable);
    CHECK(command_named(program, "outline").arguments.at(0).value.kind == ValueKind::file);
    CHECK(command_named(program, "eval").arguments.at(0).value.kind == ValueKind::file);
}

TEST_CASE("Option values come from the tables the checks use", "[cli]")
{
    const ProgramSpec program = kosh::cli::describe_command_line();
    const auto choices = [&](const std::string& command, const std::string& option) {
        const auto& value = option_named(command_named(program, command), option).value;
        CHECK(value.kind == ValueKind::choice);
        return value.choices;
    };
    for (const char* command : {"ask", "search"}) {
        INFO(command);
        CHECK(choices(command, "format") == strings(kosh::k_output_format_names));
        CHECK(choices(command, "color") == strings(kosh::k_color_modes));
        CHECK(choices(command, "language") == kosh::stemmer_language_names());
    }
    for (const char* command : {"stats", "eval"}) {
        INFO(command);
        CHECK(choices(command, "format") == strings(kosh::cli::k_report_format_names));
    }
    CHECK(choices("index", "language") == kosh::stemmer_language_names());
    const auto& shell = command_named(program, "completions").arguments.at(0).value;
    CHECK(shell.kind == ValueKind::choice);
    CHECK(shell.choices == strings(kosh::cli::k_shell_names));
}

TEST_CASE("Every listed value is one the checks accept", "[cli]")
{
    CHECK(kosh::k_output_format_names.size() == 4);
    for (const auto name : kosh::k_output_format_names) {
        INFO(name);
        const auto format = kosh::parse_output_format(name);
        REQUIRE(format.has_value());
        CHECK(kosh::k_output_format_names[static_cast<std::size_t>(*format)] == name);
    }
    CHECK(kosh::parse_output_format("trec") == kosh::OutputFormat::trec);
    for (const auto mode : kosh::k_color_modes) {
        CHECK_NOTHROW(kosh::decide_color(mode, kosh::ColorEnvironment{}));
    }
    const auto languages = kosh::stemmer_language_names();
    CHECK(languages.front() == "none");
    CHECK(std::find(languages.begin(), languages.end(), "english") != languages.end());
    CHECK(std::find(languages.begin(), languages.end(), "german") != languages.end());
    for (const auto& language : languages) {
        INFO(language);
        CHECK_NOTHROW(kosh::Stemmer(language));
    }
    for (const auto name : kosh::cli::k_report_format_names) {
        CHECK_NOTHROW(kosh::cli::check_report_format(name, "stats"));
    }
    CHECK_THROWS_WITH(kosh::cli::check_report_format("tsv", "stats"),
                      "unknown --format 'tsv' for stats (use text or json)");
    for (const auto name : kosh::cli::k_shell_names) {
        CHECK(kosh::cli::parse_shell(name).has_value());
    }
    CHECK(kosh::cli::parse_shell("bash") == Shell::bash);
    CHECK(kosh::cli::parse_shell("fish") == Shell::fish);
    CHECK_FALSE(kosh::cli::parse_shell("tcsh").has_value());
}

TEST_CASE("choice_list joins values as an error message lists them", "[cli]")
{
    CHECK(kosh::cli::choice_list(kosh::k_output_format_names) == "text, json, tsv or trec");
    CHECK(kosh::cli::choice_list(kosh::k_color_modes) == "auto, always or never");
    CHECK(kosh::cli::choice_list(kosh::cli::k_report_format_names) == "text or json");
    const std::array<std::string_view, 1> one = {"bash"};
    CHECK(kosh::cli::choice_list(one) == "bash");
}

TEST_CASE("Each script names every subcommand and every option", "[cli]")
{
    const ProgramSpec program = kosh::cli::describe_command_line();
    for (const Shell shell : {Shell::bash, Shell::zsh, Shell::fish}) {
        const std::string script = kosh::cli::completion_script(program, shell);
        INFO(kosh::cli::k_shell_names[static_cast<std::size_t>(shell)]);
        for (const auto& command : program.commands) {
            CHECK(contains(script, command.name));
            for (const auto& option : command.options) {
                for (const auto& name : option.long_names) {
                    INFO("kosh " << command.name << " --" << name);
                    CHECK(contains(script, shell == Shell::fish ? " -l " + name + " " : "--" + name));
                }
                for (const auto& name : option.short_names) {
                    INFO("kosh " << command.name << " -" << name);
                    CHECK(contains(script, shell == Shell::fish ? " -s " + name + " " : "-" + name));
                }
            }
        }
        for (const auto& option : program.options) {
            for (const auto& name : option.long_names) {
                CHECK(contains(script, shell == Shell::fish ? " -l " + name : "--" + name));
            }
        }
    }
}

TEST_CASE("Each script offers the value lists and paths", "[cli]")
{
    const ProgramSpec program = kosh::cli::describe_command_line();
    const std::string bash = kosh::cli::completion_script(program, Shell::bash);
    CHECK(contains(bash, "--format) _kosh_words 'text json tsv trec'; return ;;"));
    CHECK(contains(bash, "--format) _kosh_words 'text json'; return ;;"));
    CHECK(contains(bash, "--color|--colour) _kosh_words 'auto always never'; return ;;"));
    CHECK(contains(bash, "--index) _kosh_directories; return ;;"));
    CHECK(contains(bash, "--batch) _kosh_files; return ;;"));
    CHECK(contains(bash, "--limit|-n) :; return ;;"));
    CHECK(contains(bash, "complete -F _kosh kosh"));

    const std::string zsh = kosh::cli::completion_script(program, Shell::zsh);
    CHECK(zsh.starts_with("#compdef kosh\n"));
    CHECK(contains(zsh, ":FORMAT:(text json tsv trec)'"));
    CHECK(contains(zsh, "'(--limit -n)'{--limit=,-n+}'["));
    CHECK(contains(zsh, "'*--include=["));
    CHECK(contains(zsh, ":DIR:_files -/'"));
    CHECK(contains(zsh, "'*:path:_files'"));
    CHECK(contains(zsh, "'1:shell:(bash zsh fish)'"));

    const std::string fish = kosh::cli::completion_script(program, Shell::fish);
    CHECK(contains(fish, "complete -c kosh -f\n"));
    CHECK(contains(fish, "-l format -x -a 'text json tsv trec'"));
    CHECK(contains(fish, "-s n -l limit -x"));
    CHECK(contains(fish, "-l index -x -a '(__fish_complete_directories)'"));
    CHECK(contains(fish, "-l batch -r -F"));
    CHECK(contains(fish, "complete -c kosh -n '__fish_seen_subcommand_from index' -F"));
    CHECK(contains(fish, "complete -c kosh -n '__fish_seen_subcommand_from completions' -a 'bash zsh fish'"));
}

TEST_CASE("Descriptions are quoted for each shell", "[cli]")
{
    ProgramSpec program{"kosh", {}, {}};
    CommandSpec command{"ask", "Ask 'it'", {}, {}};
    OptionSpec option;
    option.long_names = {"odd"};
    option.description = "it's [a] back\\slash: yes";
    command.options.push_back(option);
    program.commands.push_back(command);
    CHECK(contains(kosh::cli::completion_script(program, Shell::zsh), R"('--odd[it'\''s \[a\] back\\slash\: yes]')"));
    CHECK(contains(kosh::cli::completion_script(program, Shell::zsh), R"('ask:Ask '\''it'\''')"));
    CHECK(contains(kosh::cli::completion_script(program, Shell::fish), R"(-l odd -d 'it\'s [a] back\\slash: yes')"));
    CHECK(contains(kosh::cli::completion_script(program, Shell::fish), R"(-a ask -d 'Ask \'it\'')"));
}
