// Tests for terminal detection and width, the --color decision and sanitize_for_terminal.
#include "output/terminal.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace {

using kosh::Color;
using kosh::ColorEnvironment;

/// Sets or unsets an environment variable for one scope, then puts back what was there.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        if (value == nullptr) {
            ::unsetenv(name);
        } else {
            ::setenv(name, value, 1);
        }
    }
    ~ScopedEnv()
    {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

/// The two ends of a pipe, closed at the end of the scope.
struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() { REQUIRE(::pipe(fds) == 0); }
    ~Pipe()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

} // namespace

TEST_CASE("decide_color follows --color, the terminal and the environment", "[output]")
{
    struct Row {
        const char* mode;
        ColorEnvironment env;
        Color expected;
    };
    const ColorEnvironment tty{true, "", "xterm-256color", ""};
    const ColorEnvironment pipe{false, "", "xterm-256color", ""};
    const Row rows[] = {
        {"auto", tty, Color::yes},
        {"auto", pipe, Color::no},
        {"auto", {true, "1", "xterm", ""}, Color::no},    // NO_COLOR set
        {"auto", {true, "", "dumb", ""}, Color::no},      // dumb terminal
        {"auto", {true, "", "", ""}, Color::yes},         // TERM unset is not "dumb"
        {"auto", {false, "", "xterm", "1"}, Color::yes},  // CLICOLOR_FORCE colours a pipe
        {"auto", {false, "", "dumb", "1"}, Color::yes},   // ... and beats TERM=dumb
        {"auto", {false, "1", "xterm", "1"}, Color::yes}, // ... and NO_COLOR
        {"auto", {false, "", "xterm", "0"}, Color::no},   // "0" does not force
        {"auto", {true, "", "xterm", "0"}, Color::yes},   // nor does it turn colour off
        {"always", pipe, Color::yes},
        {"always", {false, "1", "dumb", "0"}, Color::yes},
        {"never", tty, Color::no},
        {"never", {true, "", "xterm", "1"}, Color::no},
    };
    for (const Row& row : rows) {
        INFO("mode=" << row.mode << " tty=" << row.env.is_terminal << " NO_COLOR=" << row.env.no_color
                     << " TERM=" << row.env.term << " CLICOLOR_FORCE=" << row.env.clicolor_force);
        CHECK(kosh::decide_color(row.mode, row.env) == row.expected);
    }
}

TEST_CASE("decide_color rejects an unknown mode", "[output]")
{
    for (const char* mode : {"", "yes", "Auto", "color", "always "}) {
        INFO("mode='" << mode << "'");
        CHECK_THROWS_AS(kosh::decide_color(mode, ColorEnvironment{}), std::invalid_argument);
    }
    CHECK_THROWS_WITH(kosh::decide_color("sometimes", ColorEnvironment{}),
                      "invalid colour mode 'sometimes': expected auto, always or never");
}

TEST_CASE("is_terminal is false for a pipe", "[output]")
{
    Pipe pipe;
    CHECK_FALSE(kosh::is_terminal(pipe.fds[0]));
    CHECK_FALSE(kosh::is_terminal(pipe.fds[1]));
    CHECK_FALSE(kosh::is_terminal(-1));
}

TEST_CASE("terminal_width is 0 for what is not a terminal", "[output]")
{
    Pipe pipe;
    CHECK(kosh::terminal_width(pipe.fds[0]) == 0);
    CHECK(kosh::terminal_width(pipe.fds[1]) == 0);
    CHECK(kosh::terminal_width(-1) == 0); // no such descriptor
}

TEST_CASE("decide_color on a file descriptor reads the real environment", "[output]")
{
    Pipe pipe;
    ScopedEnv no_color("NO_COLOR", "1");
    ScopedEnv term("TERM", "dumb");

    SECTION("auto on a pipe is off")
    {
        ScopedEnv force("CLICOLOR_FORCE", nullptr);
        CHECK(kosh::decide_color("auto", pipe.fds[1]) == Color::no);
    }
    SECTION("CLICOLOR_FORCE=1 turns it on")
    {
        ScopedEnv force("CLICOLOR_FORCE", "1");
        CHECK(kosh::decide_color("auto", pipe.fds[1]) == Color::yes);
        CHECK(kosh::decide_color("never", pipe.fds[1]) == Color::no);
    }
    SECTION("read_color_environment sees the variables")
    {
        ScopedEnv force("CLICOLOR_FORCE", "0");
        const ColorEnvironment env = kosh::read_color_environment(pipe.fds[1]);
        CHECK_FALSE(env.is_terminal);
        CHECK(env.no_color == "1");
        CHECK(env.term == "dumb");
        CHECK(env.clicolor_force == "0");
    }
    SECTION("always works anywhere")
    {
        CHECK(kosh::decide_color("always", pipe.fds[1]) == Color::yes);
    }
}

TEST_CASE("sanitize_for_terminal replaces controls and invalid UTF-8 with U+FFFD", "[output]")
{
#define FFFD "\xEF\xBF\xBD" // U+FFFD
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"", ""},
        {"plain text, 42!", "plain text, 42!"},
        {"two\nlines\tand a tab", "two\nlines\tand a tab"},
        {"\x1b[31mred\x1b[0m", FFFD "[31mred" FFFD "[0m"},                 // SGR colour
        {"\x1b]0;title\x07rest", FFFD "]0;title" FFFD "rest"},             // OSC window title, BEL-terminated
        {"\x1b]8;;http://x\x1b\\link", FFFD "]8;;http://x" FFFD "\\link"}, // OSC 8 hyperlink, ST-terminated
        {"over\rwrite", "over" FFFD "write"},                              // CR would overwrite the line
        {"crlf\r\n", "crlf" FFFD "\n"},
        {std::string("nul\0byte", 8), "nul" FFFD "byte"},
        {"bell\x07", "bell" FFFD},
        {"back\x08space", "back" FFFD "space"},
        {"del\x7f", "del" FFFD},
        {"\x01\x1f", FFFD FFFD},
        {"c1 \xC2\x9B"
         "31m csi",
         "c1 " FFFD "31m csi"},               // U+009B, single-byte CSI
        {"\xC2\x80\xC2\x9F", FFFD FFFD},      // both ends of the C1 range
        {"nbsp\xC2\xA0ok", "nbsp\xC2\xA0ok"}, // U+00A0 is just past C1
        {"caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80",
         "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"},
        {FFFD, FFFD}, // U+FFFD itself stays
        {"bad\xFF"
         "byte",
         "bad" FFFD "byte"},
        {"\xC0\xAF", FFFD FFFD},                   // overlong '/'
        {"\xED\xA0\x80", FFFD FFFD FFFD},          // UTF-16 surrogate
        {"\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD}, // above U+10FFFF
        {"cut\xE2\x82"
         "a",
         "cut" FFFD FFFD "a"},                     // truncated sequence, then valid
        {"end\xF0\x9F\x98", "end" FFFD FFFD FFFD}, // truncated at the end
        {"\x80lone", FFFD "lone"},                 // lone continuation byte
    };
#undef FFFD
    for (const Row& row : rows) {
        INFO("input: " << row.input);
        CHECK(kosh::sanitize_for_terminal(row.input) == row.expected);
    }
}

TEST_CASE("sanitize_for_terminal never lets ESC through", "[output]")
{
    std::string all_bytes;
    for (int c = 0; c < 256; ++c) {
        all_bytes += static_cast<char>(c);
    }
    const std::string clean = kosh::sanitize_for_terminal(all_bytes);
    CHECK(clean.find('\x1b') == std::string::npos);
    CHECK(clean.find('\r') == std::string::npos);
    CHECK(clean.find('\x7f') == std::string::npos);
    CHECK(clean.find('\0') == std::string::npos);
}

TEST_CASE("sanitize_line_for_terminal keeps text on one line", "[output]")
{
#define FFFD "\xEF\xBF\xBD" // U+FFFD
    CHECK(kosh::sanitize_line_for_terminal("docs/plain.txt") == "docs/plain.txt");
    CHECK(kosh::sanitize_line_for_terminal("docs/new\nline\r\n.txt") == "docs/new line  .txt");
    CHECK(kosh::sanitize_line_for_terminal("tab\there\v\f") == "tab here  ");
    CHECK(kosh::sanitize_line_for_terminal("\x1b]0;pwned\x07.txt") == FFFD "]0;pwned" FFFD ".txt");
    CHECK(kosh::sanitize_line_for_terminal("bad\xFFname") == "bad" FFFD "name");
#undef FFFD
}
