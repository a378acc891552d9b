// A byte range into a text: how sentences, highlights and other pieces of text are passed around.
#pragma once

#include <cstddef>

namespace kosh {

/// A byte range [begin, end) into the text it belongs to.
struct ByteSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const ByteSpan&) const = default;
};

} // namespace kosh
