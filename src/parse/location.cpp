// Where a passage sits in its file, in units a reader of that file can find.
#include "parse/location.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace kosh {

namespace {

/// Which part (1-based) of a file divided at `starts` holds unit `line`, and the unit that part
/// starts at; {0, 1} when the file is not divided.
std::pair<int, int> part_holding(const std::vector<int>& starts, int line)
{
    const auto after = std::upper_bound(starts.begin(), starts.end(), line);
    if (after == starts.begin()) {
        return {0, 1};
    }
    return {static_cast<int>(after - starts.begin()), *(after - 1)};
}

} // namespace

void locate_passage(const Document& document, Paragraph& passage)
{
    const std::vector<int>& starts = document.page_starts.empty() ? document.chapter_starts : document.page_starts;
    const auto [part, start] = part_holding(starts, passage.first_line);
    if (part == 0) {
        return;
    }
    (document.page_starts.empty() ? passage.chapter : passage.page) = part;
    passage.first_line -= start - 1;
    passage.last_line -= start - 1;
}

std::string location_label(std::string_view format, int line, int page, int chapter)
{
    if (page > 0) {
        return fmt::format("p{}", page);
    }
    if (chapter > 0) {
        return fmt::format("ch{}:para{}", chapter, line);
    }
    if (format == "docx" || format == "odt" || format == "epub") {
        return fmt::format("para{}", line);
    }
    return fmt::format("{}", line);
}

} // namespace kosh
