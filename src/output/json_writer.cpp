// JSON string escaping and number formatting for every JSON kosh writes.
#include "output/json_writer.h"

#include "util/utf8.h"

#include <fmt/format.h>

#include <cmath>

namespace kosh {

namespace {

/// Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none.
std::size_t valid_sequence_length(std::string_view text, std::size_t i)
{
    const CodePoint cp = decode_utf8(text, i);
    return cp.value < 0 ? 0 : cp.size;
}

} // namespace

std::string json_escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = valid_sequence_length(text, i);
            if (length == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += fmt::format("\\u{:04x}", c);
            } else {
                out += static_cast<char>(c);
            }
        }
        ++i;
    }
    out += '"';
    return out;
}

std::size_t json_decoded_offset(std::string_view text, std::size_t offset)
{
    std::size_t shift = 0;
    std::size_t i = 0;
    while (i < offset && i < text.size()) {
        const std::size_t length = valid_sequence_length(text, i);
        if (length == 0) {
            shift += 2; // one byte became the three of U+FFFD
            ++i;
        } else {
            i += length;
        }
    }
    return offset + shift;
}

std::string json_number(double value)
{
    if (!std::isfinite(value)) {
        return "null";
    }
    std::string out = fmt::format("{:.4f}", value);
    while (out.back() == '0' && out[out.size() - 2] != '.') {
        out.pop_back();
    }
    if (out == "-0.0") {
        return "0.0";
    }
    return out;
}

std::string json_significant(double value, int digits)
{
    if (!std::isfinite(value)) {
        return "null";
    }
    return fmt::format("{:.{}g}", value, digits);
}

} // namespace kosh
