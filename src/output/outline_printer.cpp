// Renders a parsed document's heading tree as text, for `kosh outline`.
#include "output/outline_printer.h"

#include "util/ascii.h"

#include <algorithm>
#include <string_view>

namespace kosh {

namespace {

// One outline entry per line: a title taken from a file name may hold line breaks or tabs.
void append_outline_line(std::string& out, std::string_view text)
{
    for (const char c : text) {
        out += is_ascii_space(c) ? ' ' : c;
    }
    out += '\n';
}

} // namespace

std::string format_outline(const Document& document)
{
    std::string out;
    const bool has_title_heading = std::any_of(document.headings.begin(), document.headings.end(),
                                               [](const Heading& heading) { return heading.level == 1; });
    if (!has_title_heading) {
        append_outline_line(out, document.title);
    }
    for (const Heading& heading : document.headings) {
        out.append(static_cast<std::size_t>(2 * std::max(0, heading.level - 1)), ' ');
        append_outline_line(out, heading.text);
    }
    return out;
}

} // namespace kosh
