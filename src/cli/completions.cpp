// Shell completion scripts for bash, zsh and fish, written from a ProgramSpec.
#include "cli/completions.h"

#include "analyze/stemmer.h"
#include "cli/common.h"
#include "output/printer.h"
#include "output/terminal.h"

#include <fmt/format.h>

namespace kosh::cli {

namespace {

std::vector<std::string> to_strings(std::span<const std::string_view> names)
{
    return {names.begin(), names.end()};
}

/// `text` in single quotes for bash or zsh: each ' becomes '\''.
std::string sh_quote(std::string_view text)
{
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

/// `text` in single quotes for fish, where \ and ' are escaped with a backslash.
std::string fish_quote(std::string_view text)
{
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\\' || c == '\'') {
            quoted += '\\';
        }
        quoted += c;
    }
    return quoted + "'";
}

/// Every name of `option` as typed: "--limit", "-n".
std::vector<std::string> spelled_names(const OptionSpec& option)
{
    std::vector<std::string> names;
    for (const auto& name : option.long_names) {
        names.push_back("--" + name);
    }
    for (const auto& name : option.short_names) {
        names.push_back("-" + name);
    }
    return names;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator)
{
    return fmt::format("{}", fmt::join(words, separator));
}

std::vector<std::string> option_words(const std::vector<OptionSpec>& options)
{
    std::vector<std::string> words;
    for (const auto& option : options) {
        const auto names = spelled_names(option);
        words.insert(words.end(), names.begin(), names.end());
    }
    return words;
}

std::vector<std::string> command_names(const ProgramSpec& program)
{
    std::vector<std::string> names;
    for (const auto& command : program.commands) {
        names.push_back(command.name);
    }
    return names;
}

// --- bash ---------------------------------------------------------------------------------------

/// The bash statement that fills COMPREPLY for a value of kind `value`.
std::string bash_offer(const Value& value)
{
    switch (value.kind) {
    case ValueKind::file: return "_kosh_files";
    case ValueKind::directory: return "_kosh_directories";
    case ValueKind::choice: return "_kosh_words " + sh_quote(joined(value.choices, " "));
    case ValueKind::none:
    case ValueKind::text: break;
    }
    return ":";
}

std::string bash_command_case(const CommandSpec& command)
{
    std::string out = fmt::format("    {})\n        case $prev in\n", command.name);
    for (const auto& option : command.options) {
        if (option.value.kind != ValueKind::none) {
            out += fmt::format("        {}) {}; return ;;\n", joined(spelled_names(option), "|"),
                               bash_offer(option.value));
        }
    }
    out += "        esac\n";
    out += fmt::format("        if [[ $cur == -* ]]; then _kosh_words {}; return; fi\n",
                       sh_quote(joined(option_words(command.options), " ")));
    if (!command.arguments.empty()) {
        // kosh's commands each take one kind of argument.
        out += fmt::format("        {}\n", bash_offer(command.arguments.front().value));
    }
    return out + "        ;;\n";
}

std::string bash_script(const ProgramSpec& program)
{
    std::string out = fmt::format(R"(# bash completion for {0}; written by `{0} completions bash`.

_kosh_words()
{{
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}}

_kosh_files()
{{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}}

_kosh_directories()
{{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
}}

_kosh()
{{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev= command= i
    COMPREPLY=()
    (( COMP_CWORD > 0 )) && prev=${{COMP_WORDS[COMP_CWORD-1]}}
    # bash splits --option=value at the '=' (COMP_WORDBREAKS has it): the option is a word further back.
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then
        prev=${{COMP_WORDS[COMP_CWORD-2]}}
    fi
    # The subcommand is the first word that is not an option: none before it takes a value.
    for (( i = 1; i < COMP_CWORD; i++ )); do
        if [[ ${{COMP_WORDS[i]}} != -* ]]; then
            command=${{COMP_WORDS[i]}}
            break
        fi
    done
    case $command in
    '')
        if [[ $cur == -* ]]; then _kosh_words {1}; else _kosh_words {2}; fi
        ;;
)",
                                  program.name, sh_quote(joined(option_words(program.options), " ")),
                                  sh_quote(joined(command_names(program), " ")));
    for (const auto& command : program.commands) {
        out += bash_command_case(command);
    }
    out += fmt::format("    esac\n}}\n\ncomplete -F _kosh {}\n", program.name);
    return out;
}

// --- zsh ----------------------------------------------------------------------------------------

/// Text for a zsh _arguments spec: \, [, ] and : escaped with a backslash.
std::string zsh_escape(std::string_view text)
{
    std::string escaped;
    for (char c : text) {
        if (c == '\\' || c == '[' || c == ']' || c == ':') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

std::string zsh_action(const Value& value)
{
    switch (value.kind) {
    case ValueKind::file: return "_files";
    case ValueKind::directory: return "_files -/";
    case ValueKind::choice: return "(" + joined(value.choices, " ") + ")";
    case ValueKind::none:
    case ValueKind::text: break;
    }
    return " "; // a space: show the value's name, offer nothing
}

/// One _arguments spec for `option`: '(-n --limit)'{-n+,--limit=}'[Passages to show]:N: '.
std::string zsh_option_spec(const OptionSpec& option)
{
    const bool takes_value = option.value.kind != ValueKind::none;
    std::vector<std::string> names;
    for (const auto& name : option.long_names) {
        names.push_back("--" + name + (takes_value ? "=" : ""));
    }
    for (const auto& name : option.short_names) {
        names.push_back("-" + name + (takes_value ? "+" : ""));
    }
    std::string prefix; // "*": may be repeated; "(-n --limit)": the names exclude each other
    if (option.repeatable) {
        prefix = "*";
    } else if (names.size() > 1) {
        prefix = "(" + joined(spelled_names(option), " ") + ")";
    }
    std::string spec = fmt::format("[{}]", zsh_escape(option.description));
    if (takes_value) {
        spec += fmt::format(":{}:{}", zsh_escape(option.value.name), zsh_action(option.value));
    }
    if (names.size() == 1) {
        return sh_quote(prefix + names.front() + spec);
    }
    // Brace expansion, outside the quotes, makes one spec per name.
    return sh_quote(prefix) + "{" + joined(names, ",") + "}" + sh_quote(spec);
}

std::string zsh_argument_spec(const OptionSpec& argument, std::size_t position)
{
    const std::string where = argument.repeatable ? "*" : std::to_string(position);
    return sh_quote(fmt::format("{}:{}:{}", where, zsh_escape(argument.value.name), zsh_action(argument.value)));
}

std::string zsh_arguments(const std::vector<OptionSpec>& options, const std::vector<OptionSpec>& arguments,
                          std::string_view indent)
{
    std::string out;
    for (const auto& option : options) {
        out += fmt::format(" \\\n{}{}", indent, zsh_option_spec(option));
    }
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        out += fmt::format(" \\\n{}{}", indent, zsh_argument_spec(arguments[i], i + 1));
    }
    return out;
}

std::string zsh_script(const ProgramSpec& program)
{
    std::string out =
        fmt::format("#compdef {0}\n# zsh completion for {0}; written by `{0} completions zsh`.\n", program.name);
    for (const auto& command : program.commands) {
        out += fmt::format("\n_kosh_{}() {{\n    _arguments -S :{}\n}}\n", command.name,
                           zsh_arguments(command.options, command.arguments, "        "));
    }
    out += "\n_kosh() {\n    local curcontext=$curcontext state line ret=1\n    _arguments -C :";
    out += zsh_arguments(program.options, {}, "        ");
    out += R"( \
        '1:command:->command' \
        '*::argument:->argument' && ret=0
    case $state in
    command)
        local -a commands=(
)";
    for (const auto& command : program.commands) {
        out += fmt::format("            {}\n", sh_quote(command.name + ":" + command.description));
    }
    out += R"(        )
        _describe -t commands 'kosh command' commands && ret=0
        ;;
    argument)
        curcontext=${curcontext%:*:*}:kosh-$words[1]:
        case $words[1] in
)";
    for (const auto& command : program.commands) {
        out += fmt::format("        {0}) _kosh_{0} && ret=0 ;;\n", command.name);
    }
    out += "        esac\n        ;;\n    esac\n    return ret\n}\n\n_kosh \"$@\"\n";
    return out;
}

// --- fish ---------------------------------------------------------------------------------------

/// The arguments of `complete` that say what a value of kind `value` is.
std::string fish_value(const Value& value)
{
    switch (value.kind) {
    case ValueKind::file: return " -r -F";
    case ValueKind::directory: return " -x -a '(__fish_complete_directories)'";
    case ValueKind::choice: return " -x -a " + fish_quote(joined(value.choices, " "));
    case ValueKind::text: return " -x";
    case ValueKind::none: break;
    }
    return "";
}

/// What `complete` offers for an argument: files, folders or a list; "" for text.
std::string fish_argument_offer(const Value& value)
{
    switch (value.kind) {
    case ValueKind::file: return " -F";
    case ValueKind::directory: return " -a '(__fish_complete_directories)'";
    case ValueKind::choice: return " -a " + fish_quote(joined(value.choices, " "));
    case ValueKind::text:
    case ValueKind::none: break;
    }
    return "";
}

std::string fish_options(std::string_view program_name, std::string_view condition,
                         const std::vector<OptionSpec>& options)
{
    std::string out;
    for (const auto& option : options) {
        out += fmt::format("complete -c {} -n {}", program_name, fish_quote(condition));
        for (const auto& name : option.short_names) {
            out += " -s " + name;
        }
        for (const auto& name : option.long_names) {
            out += " -l " + name;
        }
        out += fish_value(option.value) + " -d " + fish_quote(option.description) + "\n";
    }
    return out;
}

std::string fish_script(const ProgramSpec& program)
{
    std::string out = fmt::format("# fish completion for {0}; written by `{0} completions fish`.\n\n"
                                  "# Files only where an option or argument takes one.\ncomplete -c {0} -f\n\n",
                                  program.name);
    const std::string top = "__fish_use_subcommand";
    out += fish_options(program.name, top, program.options);
    for (const auto& command : program.commands) {
        out += fmt::format("complete -c {} -n {} -a {} -d {}\n", program.name, fish_quote(top), command.name,
                           fish_quote(command.description));
    }
    for (const auto& command : program.commands) {
        const std::string condition = "__fish_seen_subcommand_from " + command.name;
        out += "\n" + fish_options(program.name, condition, command.options);
        for (const auto& argument : command.arguments) {
            const std::string offer = fish_argument_offer(argument.value);
            if (!offer.empty()) {
                out += fmt::format("complete -c {} -n {}{} -d {}\n", program.name, fish_quote(condition), offer,
                                   fish_quote(argument.description));
            }
        }
    }
    return out;
}

} // namespace

std::string_view value_list_name(ValueList list)
{
    switch (list) {
    case ValueList::output_formats: return "output-formats";
    case ValueList::report_formats: return "report-formats";
    case ValueList::color_modes: return "color-modes";
    case ValueList::languages: return "languages";
    case ValueList::shells: return "shells";
    }
    return "";
}

std::vector<std::string> list_values(ValueList list)
{
    switch (list) {
    case ValueList::output_formats: return to_strings(k_output_format_names);
    case ValueList::report_formats: return to_strings(k_report_format_names);
    case ValueList::color_modes: return to_strings(k_color_modes);
    case ValueList::languages: return stemmer_language_names();
    case ValueList::shells: return to_strings(k_shell_names);
    }
    return {};
}

std::optional<Shell> parse_shell(std::string_view name)
{
    for (std::size_t i = 0; i < k_shell_names.size(); ++i) {
        if (k_shell_names[i] == name) {
            return static_cast<Shell>(i);
        }
    }
    return std::nullopt;
}

std::string completion_script(const ProgramSpec& program, Shell shell)
{
    switch (shell) {
    case Shell::zsh: return zsh_script(program);
    case Shell::fish: return fish_script(program);
    case Shell::bash: break;
    }
    return bash_script(program);
}

} // namespace kosh::cli
