// Length-prefixed fields ("5:hello"), the encoding of what kosh stores in Xapian documents and
// metadata: any bytes survive, and a damaged value is detected rather than misread.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace kosh {

/// Appends `field` as a decimal byte length, ':', then the bytes.
inline void put_field(std::string& out, std::string_view field)
{
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

inline void put_field(std::string& out, std::int64_t number)
{
    put_field(out, std::to_string(number));
}

/// Reads fields back in order; `ok` turns false at the first damaged one and stays false.
struct FieldReader {
    std::string_view data;
    bool ok = true;

    std::string_view field()
    {
        const auto colon = data.find(':');
        std::size_t length = 0;
        if (!ok || colon == std::string_view::npos || !parse_whole(data.substr(0, colon), length) ||
            length > data.size() - colon - 1) {
            ok = false;
            return {};
        }
        const auto value = data.substr(colon + 1, length);
        data.remove_prefix(colon + 1 + length);
        return value;
    }

    template <typename Int>
    Int number()
    {
        const auto text = field();
        Int value = 0;
        if (ok && !parse_whole(text, value)) {
            ok = false;
        }
        return value;
    }

    // A decimal number filling all of `text`: "1x" and "" are not numbers.
    template <typename Int>
    static bool parse_whole(std::string_view text, Int& value)
    {
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        return error == std::errc() && end == text.data() + text.size() && !text.empty();
    }
};

} // namespace kosh
