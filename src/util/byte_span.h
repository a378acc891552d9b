// A byte range into a text: how sentences, highlights and other pieces of text are passed around.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace kosh {

/// A byte range [begin, end) into the text it belongs to.
struct ByteSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const ByteSpan&) const = default;
};

/// `spans` sorted, cut to a text of `size` bytes, without empty spans, and with overlapping or
/// touching spans joined: spans read from an index or a reader are tolerated rather than trusted.
[[nodiscard]] inline std::vector<ByteSpan> tidy_spans(std::vector<ByteSpan> spans, std::size_t size)
{
    std::sort(spans.begin(), spans.end(), [](const ByteSpan& a, const ByteSpan& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    std::vector<ByteSpan> tidy;
    for (ByteSpan span : spans) {
        span.end = std::min(span.end, size);
        if (span.begin >= span.end) {
            continue;
        }
        if (!tidy.empty() && span.begin <= tidy.back().end) {
            tidy.back().end = std::max(tidy.back().end, span.end);
        } else {
            tidy.push_back(span);
        }
    }
    return tidy;
}

} // namespace kosh
