// kosh's configuration files: where they are and what their lines say. Defaults for any option,
// as ripgrep's config file gives: `ask.limit = 5`, `color = never`. The settings become command
// line arguments in cli/command_line.cpp, which knows the options; this file knows none of them.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kosh::cli {

/// One `NAME = VALUE` line of a configuration file.
struct ConfigSetting {
    std::string file; // as found, for messages
    int line = 0;
    std::string command; // "ask" for `ask.limit`; empty for a bare name, which applies to every subcommand
    std::string name;    // the long option name, without dashes
    std::string value;   // literally, without surrounding double quotes
};

/// A bad configuration line or an unreadable file: what() is "FILE:LINE: why" (or "FILE: why").
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// "FILE:LINE: why", the message of every error about a setting.
[[nodiscard]] ConfigError config_error(const ConfigSetting& setting, std::string_view why);

/// The settings in `text`, read from `file`. Throws ConfigError for a line that is not blank, a
/// comment or `NAME = VALUE`.
[[nodiscard]] std::vector<ConfigSetting> parse_config(std::string_view text, const std::string& file);

/// Looks up an environment variable: nullopt when it is not set (set and empty is "").
using EnvironmentLookup = std::function<std::optional<std::string>(const char*)>;

/// The process's own environment.
[[nodiscard]] std::optional<std::string> process_environment(const char* name);

/// The configuration files to read, first to last (later ones override earlier): $KOSH_CONFIG
/// alone when it is set (none when empty); else the user's $XDG_CONFIG_HOME/kosh/config (default
/// ~/.config/kosh/config) and then .kosh/config in `directory` or its nearest parent that has a
/// .kosh folder, searched no higher than $HOME when `directory` is inside it. Only files that
/// exist are listed, except $KOSH_CONFIG, whose absence reading reports.
[[nodiscard]] std::vector<std::filesystem::path> config_files(const EnvironmentLookup& environment,
                                                              const std::filesystem::path& directory);

/// The settings of every file, in order. Throws ConfigError for an unreadable file or a bad line.
[[nodiscard]] std::vector<ConfigSetting> read_config_files(const std::vector<std::filesystem::path>& files);

/// Why `value` is not right for an option named `name`, or empty when it is: a flag (`is_flag`)
/// takes true or false; an option with `choices` takes one of them.
[[nodiscard]] std::string check_config_value(std::string_view name, bool is_flag,
                                             const std::vector<std::string>& choices, std::string_view value);

} // namespace kosh::cli
