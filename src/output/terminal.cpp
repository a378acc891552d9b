// Terminal detection and width, the --color decision and sanitizing text for display.
#include "output/terminal.h"

#include "util/ascii.h"
#include "util/utf8.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace kosh {

namespace {

std::string read_env(const char* name)
{
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

} // namespace

bool is_terminal(int fd)
{
    return ::isatty(fd) != 0;
}

int terminal_width(int fd)
{
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

ColorEnvironment read_color_environment(int fd)
{
    ColorEnvironment env;
    env.is_terminal = is_terminal(fd);
    env.no_color = read_env("NO_COLOR");
    env.term = read_env("TERM");
    env.clicolor_force = read_env("CLICOLOR_FORCE");
    return env;
}

Color decide_color(std::string_view mode, const ColorEnvironment& env)
{
    if (mode == "always") {
        return Color::yes;
    }
    if (mode == "never") {
        return Color::no;
    }
    if (mode != "auto") {
        throw std::invalid_argument("invalid colour mode '" + std::string(mode) + "': expected auto, always or never");
    }
    if (!env.clicolor_force.empty() && env.clicolor_force != "0") {
        return Color::yes;
    }
    if (env.is_terminal && env.no_color.empty() && env.term != "dumb") {
        return Color::yes;
    }
    return Color::no;
}

Color decide_color(std::string_view mode, int fd)
{
    return decide_color(mode, read_color_environment(fd));
}

std::string sanitize_for_terminal(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // An invalid byte is replaced on its own (decode_utf8 resynchronises on the next byte).
        const CodePoint cp = decode_utf8(text, i);
        const bool control = (cp.value < 0x20 && cp.value != '\n' && cp.value != '\t') ||
                             (cp.value >= 0x7f && cp.value <= 0x9f); // DEL and the C1 controls
        if (control) {
            out += k_replacement_character;
        } else {
            out.append(text.substr(i, cp.size));
        }
        i += cp.size;
    }
    return out;
}

std::string sanitize_line_for_terminal(std::string_view text)
{
    std::string line(text);
    for (char& c : line) {
        if (is_ascii_space(c)) {
            c = ' ';
        }
    }
    return sanitize_for_terminal(line);
}

} // namespace kosh
