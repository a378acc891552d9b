// Shell completion scripts for bash, zsh and fish, written from a description of the command line.
// cli/command_line.cpp describes its CLI11 definition in these terms, so the scripts cannot drift
// from the options kosh really has; this file knows no CLI11.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosh::cli {

/// What a shell can offer for an option's value or an argument.
enum class ValueKind {
    none,      // a flag: it takes no value
    text,      // a value kosh cannot list (a number, a glob, a question)
    file,      // a file (or a folder)
    directory, // a folder
    choice,    // one of Value::choices
};

/// The sets of values that kosh's own tables list, so the completions offer what the checks accept.
enum class ValueList { output_formats, report_formats, color_modes, languages, shells };
inline constexpr std::array<ValueList, 5> k_value_lists = {ValueList::output_formats, ValueList::report_formats,
                                                           ValueList::color_modes, ValueList::languages,
                                                           ValueList::shells};

/// A short name for `list` ("output-formats", ...), to mark the options that take its values.
[[nodiscard]] std::string_view value_list_name(ValueList list);

/// The values of `list`, read from the tables the checks use (output/printer.h, output/terminal.h,
/// cli/common.h, analyze/stemmer.h, k_shell_names).
[[nodiscard]] std::vector<std::string> list_values(ValueList list);

struct Value {
    ValueKind kind = ValueKind::none;
    std::string name; // as the help shows it: FILE, N, FORMAT; for an argument, its name
    std::vector<std::string> choices;
};

/// An option, or (with no names) an argument.
struct OptionSpec {
    std::vector<std::string> long_names;  // without the "--"
    std::vector<std::string> short_names; // without the "-"
    std::string description;
    Value value;
    bool repeatable = false; // may be given more than once (or, for an argument, takes several words)
};

struct CommandSpec {
    std::string name;
    std::string description;
    std::vector<OptionSpec> options;
    std::vector<OptionSpec> arguments;
};

struct ProgramSpec {
    std::string name;
    std::vector<OptionSpec> options; // before any subcommand
    std::vector<CommandSpec> commands;
};

enum class Shell { bash, zsh, fish };
inline constexpr std::array<std::string_view, 3> k_shell_names = {"bash", "zsh", "fish"}; // in Shell's order

/// One of k_shell_names; nullopt for anything else.
[[nodiscard]] std::optional<Shell> parse_shell(std::string_view name);

/// The completion script for `shell`: source it, or install it where the shell looks.
[[nodiscard]] std::string completion_script(const ProgramSpec& program, Shell shell);

} // namespace kosh::cli
