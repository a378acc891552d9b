// Terminal detection and width, the --color decision and sanitizing text for display.
#include "output/terminal.h"

#include <sys/ioctl.h>
#include <utf8proc.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace kosh {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

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
        throw std::invalid_argument("invalid colour mode '" + std::string(mode)
                                    + "': expected auto, always or never");
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
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            const bool control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
            if (control) {
                out += k_replacement;
            } else {
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        utf8proc_int32_t code_point = 0;
        const auto length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i),
                                             &code_point);
        if (length < 0) {
            // Replace one byte and resynchronise on the next, so a truncated sequence
            // cannot swallow the valid character after it.
            out += k_replacement;
            ++i;
            continue;
        }
        if (code_point >= 0x80 && code_point <= 0x9f) {
            out += k_replacement;
        } else {
            out.append(text.substr(i, static_cast<std::size_t>(length)));
        }
        i += static_cast<std::size_t>(length);
    }
    return out;
}

std::string sanitize_line_for_terminal(std::string_view text)
{
    std::string line(text);
    for (char& c : line) {
        if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') {
            c = ' ';
        }
    }
    return sanitize_for_terminal(line);
}

} // namespace kosh
