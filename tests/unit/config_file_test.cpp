// Tests for reading configuration files (cli/config_file.h): lines into settings, and which files.
#include "cli/config_file.h"

#include "cli/index_allocator.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

using kosh::cli::config_files;
using kosh::cli::ConfigError;
using kosh::cli::ConfigSetting;
using kosh::cli::parse_config;

namespace fs = std::filesystem;

namespace {

std::string error_of(std::string_view text)
{
    try {
        (void)parse_config(text, "conf");
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

/// A temporary folder, removed afterwards.
struct TempFolder {
    fs::path path;
    TempFolder()
    {
        path = fs::temp_directory_path() / ("kosh-config-test-" + std::to_string(std::random_device()()));
        fs::create_directories(path);
    }
    ~TempFolder() { fs::remove_all(path); }
    fs::path write(const fs::path& relative, const std::string& text = "x = 1\n") const
    {
        fs::create_directories((path / relative).parent_path());
        std::ofstream(path / relative) << text;
        return path / relative;
    }
};

kosh::cli::EnvironmentLookup environment(std::map<std::string, std::string> values)
{
    return [values](const char* name) -> std::optional<std::string> {
        const auto found = values.find(name);
        return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
}

} // namespace

TEST_CASE("config lines: settings with subcommands, bare names, comments and blank lines", "[config]")
{
    const auto settings = parse_config("# my defaults\n"
                                       "\n"
                                       "ask.limit = 5\n"
                                       "   # indented comment\n"
                                       "color=never\r\n"
                                       "index.exclude = *.min.js\n"
                                       "  search.format   =   json  \n",
                                       "conf");
    REQUIRE(settings.size() == 4);
    CHECK(settings[0].command == "ask");
    CHECK(settings[0].name == "limit");
    CHECK(settings[0].value == "5");
    CHECK(settings[0].line == 3);
    CHECK(settings[0].file == "conf");
    CHECK(settings[1].command.empty());
    CHECK(settings[1].name == "color");
    CHECK(settings[1].value == "never");
    CHECK(settings[1].line == 5);
    CHECK(settings[2].value == "*.min.js");
    CHECK(settings[3].command == "search");
    CHECK(settings[3].value == "json");
    CHECK(settings[3].line == 7);
}

TEST_CASE("config values are literal: '#' and '=' kept, surrounding double quotes stripped", "[config]")
{
    const auto settings = parse_config("index.exclude = notes#1.md\n"
                                       "eval.compare = \"k1=1.5\"\n"
                                       "ask.index = \" spaced \"\n"
                                       "ask.language = \"\"\n"
                                       "ask.batch = \"half\n",
                                       "conf");
    REQUIRE(settings.size() == 5);
    CHECK(settings[0].value == "notes#1.md");
    CHECK(settings[1].value == "k1=1.5");
    CHECK(settings[2].value == " spaced ");
    CHECK(settings[3].value.empty());
    CHECK(settings[4].value == "\"half");
    CHECK(parse_config("\xEF\xBB\xBF"
                       "color = never\n",
                       "conf")
              .at(0)
              .name == "color");
}

TEST_CASE("config errors name the file and line", "[config]")
{
    CHECK(error_of("\n# fine\nask.limit 5\n") == "conf:3: missing '=' in 'ask.limit 5' (write NAME = VALUE)");
    CHECK(error_of("= 5\n") == "conf:1: missing option name before '=' (write NAME = VALUE)");
    CHECK(error_of("color = never\nask. = 5\n") == "conf:2: missing option name before '=' (write NAME = VALUE)");
    CHECK(error_of(".limit = 5\n") == "conf:1: missing subcommand before '.limit'");
    CHECK(error_of("ask.limit =\n") == "conf:1: missing value after 'limit =' (write \"\" for an empty one)");
    CHECK(error_of("--limit = 5\n") == "conf:1: write the option name without dashes: 'limit'");
    CHECK(error_of("ask.li mit = 5\n") == "conf:1: 'li mit' is not an option name");
    CHECK(error_of("color = never\n") == "no error");
}

TEST_CASE("config values: flags take true or false; choices one of theirs", "[config]")
{
    using kosh::cli::check_config_value;
    CHECK(check_config_value("explain", true, {}, "true").empty());
    CHECK(check_config_value("explain", true, {}, "false").empty());
    CHECK(check_config_value("explain", true, {}, "yes") == "explain takes true or false, not 'yes'");
    CHECK(check_config_value("format", false, {"text", "json", "tsv"}, "json").empty());
    CHECK(check_config_value("format", false, {"text", "json", "tsv"}, "xml") ==
          "unknown --format 'xml' (use text, json or tsv)");
    CHECK(check_config_value("limit", false, {}, "anything").empty());
}

TEST_CASE("config files: the user's under XDG_CONFIG_HOME or ~/.config, then the nearest .kosh upwards", "[config]")
{
    const TempFolder temp;
    const auto home = temp.path / "home";
    const auto project = home / "work" / "project";
    fs::create_directories(project / "deep" / "er");

    // Nothing written yet: no files.
    CHECK(config_files(environment({{"HOME", home.string()}}), project).empty());

    const auto dot_config = temp.write("home/.config/kosh/config");
    CHECK(config_files(environment({{"HOME", home.string()}}), project) == std::vector<fs::path>{dot_config});

    const auto xdg = temp.write("xdg/kosh/config");
    const auto xdg_environment =
        environment({{"HOME", home.string()}, {"XDG_CONFIG_HOME", (temp.path / "xdg").string()}});
    CHECK(config_files(xdg_environment, project) == std::vector<fs::path>{xdg});
    // A relative XDG_CONFIG_HOME is invalid: the default folder is used.
    CHECK(config_files(environment({{"HOME", home.string()}, {"XDG_CONFIG_HOME", "xdg"}}), project) ==
          std::vector<fs::path>{dot_config});

    // The nearest .kosh folder upwards, even one without a config file, ends the search.
    const auto outer = temp.write("home/work/.kosh/config");
    CHECK(config_files(xdg_environment, project / "deep" / "er") == std::vector<fs::path>{xdg, outer});
    const auto inner = temp.write("home/work/project/.kosh/config");
    CHECK(config_files(xdg_environment, project / "deep" / "er") == std::vector<fs::path>{xdg, inner});
    fs::create_directories(project / "deep" / ".kosh");
    CHECK(config_files(xdg_environment, project / "deep" / "er") == std::vector<fs::path>{xdg});
}

TEST_CASE("config files: the search upwards stops at $HOME, and at the root outside it", "[config]")
{
    const TempFolder temp;
    const auto home = temp.path / "users" / "me";
    fs::create_directories(home / "notes");
    const auto above_home = temp.write("users/.kosh/config");
    const auto env = environment({{"HOME", home.string()}, {"XDG_CONFIG_HOME", (temp.path / "none").string()}});
    CHECK(config_files(env, home / "notes").empty());
    const auto at_home = temp.write("users/me/.kosh/config");
    CHECK(config_files(env, home / "notes") == std::vector<fs::path>{at_home});
    // Outside $HOME the search goes up to the root, and finds users/.kosh.
    fs::create_directories(temp.path / "users" / "other" / "x");
    CHECK(config_files(env, temp.path / "users" / "other" / "x") == std::vector<fs::path>{above_home});
}

TEST_CASE("config files: KOSH_CONFIG replaces both; empty means none", "[config]")
{
    const TempFolder temp;
    const auto home = temp.path / "home";
    temp.write("home/.config/kosh/config");
    temp.write("home/p/.kosh/config");
    const auto chosen = temp.path / "elsewhere.conf";
    CHECK(config_files(environment({{"HOME", home.string()}, {"KOSH_CONFIG", chosen.string()}}), home / "p") ==
          std::vector<fs::path>{chosen});
    CHECK(config_files(environment({{"HOME", home.string()}, {"KOSH_CONFIG", ""}}), home / "p").empty());
    CHECK(config_files(environment({{"HOME", home.string()}}), home / "p").size() == 2);
}

TEST_CASE("config files are read in order; an unreadable one is an error naming it", "[config]")
{
    const TempFolder temp;
    const auto first = temp.write("a", "ask.limit = 1\n");
    const auto second = temp.write("b", "\nask.limit = 2\n");
    const auto settings = kosh::cli::read_config_files({first, second});
    REQUIRE(settings.size() == 2);
    CHECK(settings[0].value == "1");
    CHECK(settings[1].value == "2");
    CHECK(settings[1].file == second.string());
    CHECK(settings[1].line == 2);
    CHECK_THROWS_WITH(kosh::cli::read_config_files({temp.path / "missing"}),
                      (temp.path / "missing").string() + ": cannot read the configuration file");
}

TEST_CASE("kosh --no-config index is the index command, for its allocator and exit", "[config]")
{
    std::string kosh = "kosh", no_config = "--no-config", index = "index", ask = "ask";
    std::vector<char*> plain = {kosh.data(), index.data()};
    std::vector<char*> after_flag = {kosh.data(), no_config.data(), index.data()};
    std::vector<char*> other = {kosh.data(), no_config.data(), ask.data()};
    std::vector<char*> alone = {kosh.data(), no_config.data()};
    CHECK(kosh::cli::is_index_command(2, plain.data()));
    CHECK(kosh::cli::is_index_command(3, after_flag.data()));
    CHECK_FALSE(kosh::cli::is_index_command(3, other.data()));
    CHECK_FALSE(kosh::cli::is_index_command(2, alone.data()));
}
