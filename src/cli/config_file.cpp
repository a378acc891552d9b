// kosh's configuration files: finding them and reading their lines into settings.
#include "cli/config_file.h"

#include "cli/index_location.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace kosh::cli {

namespace {

namespace fs = std::filesystem;

std::string_view trim(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_name(std::string_view name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

ConfigError line_error(const std::string& file, int line, std::string_view why)
{
    return ConfigError(fmt::format("{}:{}: {}", file, line, why));
}

/// The setting on one line, or nullopt for a blank line or a comment.
std::optional<ConfigSetting> parse_line(std::string_view text, const std::string& file, int line)
{
    text = trim(text);
    if (text.empty() || text.front() == '#') {
        return std::nullopt;
    }
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) {
        throw line_error(file, line, fmt::format("missing '=' in '{}' (write NAME = VALUE)", text));
    }
    ConfigSetting setting{file, line, "", "", ""};
    std::string_view name = trim(text.substr(0, equals));
    if (name.starts_with('-')) {
        const auto undashed = name.find_first_not_of('-');
        throw line_error(file, line,
                         fmt::format("write the option name without dashes: '{}'",
                                     undashed == std::string_view::npos ? "" : name.substr(undashed)));
    }
    if (const auto dot = name.find('.'); dot != std::string_view::npos) {
        setting.command = std::string(name.substr(0, dot));
        name = name.substr(dot + 1);
        if (!is_name(setting.command)) {
            throw line_error(file, line, fmt::format("missing subcommand before '.{}'", name));
        }
    }
    if (!is_name(name)) {
        throw line_error(file, line,
                         name.empty() ? std::string("missing option name before '=' (write NAME = VALUE)")
                                      : fmt::format("'{}' is not an option name", name));
    }
    setting.name = std::string(name);
    std::string_view value = trim(text.substr(equals + 1));
    if (value.empty()) {
        throw line_error(file, line, fmt::format("missing value after '{} =' (write \"\" for an empty one)", name));
    }
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    setting.value = std::string(value);
    return setting;
}

} // namespace

ConfigError config_error(const ConfigSetting& setting, std::string_view why)
{
    return line_error(setting.file, setting.line, why);
}

std::vector<ConfigSetting> parse_config(std::string_view text, const std::string& file)
{
    if (text.starts_with("\xEF\xBB\xBF")) { // a UTF-8 byte order mark, as some editors write
        text.remove_prefix(3);
    }
    std::vector<ConfigSetting> settings;
    int line = 0;
    while (!text.empty()) {
        ++line;
        const auto end = text.find('\n');
        const std::string_view content = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (auto setting = parse_line(content, file, line)) {
            settings.push_back(std::move(*setting));
        }
    }
    return settings;
}

std::optional<std::string> process_environment(const char* name)
{
    const char* value = std::getenv(name);
    return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

std::vector<fs::path> config_files(const EnvironmentLookup& environment, const fs::path& directory)
{
    if (const auto chosen = environment("KOSH_CONFIG")) {
        return chosen->empty() ? std::vector<fs::path>{} : std::vector<fs::path>{fs::path(*chosen)};
    }
    std::vector<fs::path> files;
    std::error_code error;
    const auto home = environment("HOME");
    // XDG: a relative $XDG_CONFIG_HOME is invalid and ignored.
    const auto xdg = environment("XDG_CONFIG_HOME");
    fs::path user_folder;
    if (xdg && fs::path(*xdg).is_absolute()) {
        user_folder = fs::path(*xdg);
    } else if (home && !home->empty()) {
        user_folder = fs::path(*home) / ".config";
    }
    if (!user_folder.empty() && fs::is_regular_file(user_folder / "kosh" / "config", error)) {
        files.push_back(user_folder / "kosh" / "config");
    }
    // The project's file: in the nearest .kosh folder upwards, no higher than $HOME when inside it.
    if (const auto project = find_project(environment, directory);
        project && fs::is_regular_file(*project / ".kosh" / "config", error)) {
        files.push_back(*project / ".kosh" / "config");
    }
    return files;
}

std::vector<ConfigSetting> read_config_files(const std::vector<fs::path>& files)
{
    std::vector<ConfigSetting> settings;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::error_code error;
        if (!in || fs::is_directory(path, error)) {
            throw ConfigError(fmt::format("{}: cannot read the configuration file", path.string()));
        }
        std::ostringstream text;
        text << in.rdbuf();
        auto more = parse_config(text.str(), path.string());
        settings.insert(settings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return settings;
}

std::string check_config_value(std::string_view name, bool is_flag, const std::vector<std::string>& choices,
                               std::string_view value)
{
    if (is_flag) {
        return value == "true" || value == "false" ? std::string()
                                                   : fmt::format("{} takes true or false, not '{}'", name, value);
    }
    if (!choices.empty() && std::find(choices.begin(), choices.end(), value) == choices.end()) {
        std::string list;
        for (std::size_t i = 0; i < choices.size(); ++i) {
            list += i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ";
            list += choices[i];
        }
        return fmt::format("unknown --{} '{}' (use {})", name, value, list);
    }
    return {};
}

} // namespace kosh::cli
