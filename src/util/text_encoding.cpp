// Turning a text file's bytes into UTF-8.
#include "util/text_encoding.h"

#include "util/file_io.h"
#include "util/utf8.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

namespace kosh {

namespace {

/// An iconv conversion descriptor, closed when it goes out of scope.
class Converter {
public:
    explicit Converter(const char* from) : m_handle(::iconv_open("UTF-8", from)) {}
    ~Converter()
    {
        if (ok()) {
            ::iconv_close(m_handle);
        }
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    [[nodiscard]] bool ok() const { return m_handle != reinterpret_cast<iconv_t>(-1); }

    /// `in` converted; each unit iconv cannot convert (`unit_bytes` long: an unpaired surrogate,
    /// a byte Windows-1252 leaves undefined, a trailing odd byte) becomes U+FFFD.
    [[nodiscard]] std::string convert(std::string_view in, std::size_t unit_bytes)
    {
        std::string out;
        out.reserve(in.size() + in.size() / 2 + 16);
        char buffer[1 << 14];
        char* in_next = const_cast<char*>(in.data()); // iconv's signature; it does not write
        std::size_t in_left = in.size();
        while (in_left > 0) {
            char* out_next = buffer;
            std::size_t out_left = sizeof buffer;
            const std::size_t result = ::iconv(m_handle, &in_next, &in_left, &out_next, &out_left);
            out.append(buffer, static_cast<std::size_t>(out_next - buffer));
            if (result != static_cast<std::size_t>(-1) || errno == E2BIG) {
                continue;
            }
            // EILSEQ (invalid unit) or EINVAL (incomplete unit at the end): replace and go on.
            const std::size_t skip = std::min(in_left, unit_bytes);
            out += k_replacement_character;
            in_next += skip;
            in_left -= skip;
            ::iconv(m_handle, nullptr, nullptr, nullptr, nullptr); // reset the shift state
        }
        return out;
    }

private:
    iconv_t m_handle;
};

Expected<std::string> convert(std::string_view bytes, const char* from, std::size_t unit_bytes)
{
    Converter converter(from);
    if (!converter.ok()) {
        return Expected<std::string>::failure(std::string("cannot convert from ") + from + " (iconv)");
    }
    std::string text = converter.convert(bytes, unit_bytes);
    if (text.find('\0') != std::string::npos) {
        return Expected<std::string>::failure("binary file (contains NUL characters)");
    }
    return text;
}

bool is_lead_byte(unsigned char byte)
{
    return byte >= 0xC0 && byte <= 0xF7;
}
bool is_continuation_byte(unsigned char byte)
{
    return byte >= 0x80 && byte <= 0xBF;
}

/// Control bytes that plain text holds: tab, line ends, form feed, backspace (overstrike in
/// formatted manuals), escape (terminal colours) and the DOS end-of-file mark.
bool is_text_control(unsigned char byte)
{
    return byte == '\t' || byte == '\n' || byte == '\v' || byte == '\f' || byte == '\r' || byte == '\b' ||
           byte == 0x1B || byte == 0x1A;
}

/// Whether bytes that are not valid UTF-8 read as single-byte text. In Latin-1 text a letter
/// from 0xC0 up is followed by ASCII far more often than by a byte in 0x80-0xBF; in UTF-8 with a
/// broken sequence (cut short, overlong, a surrogate) lead bytes are mostly followed by
/// continuation bytes: when at least half are, the file is taken for broken UTF-8. Control bytes
/// other than those of plain text mean a binary file.
bool is_single_byte_text(std::string_view bytes)
{
    std::size_t leads = 0;
    std::size_t leads_continued = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x20 && !is_text_control(byte)) {
            return false;
        }
        if (is_lead_byte(byte)) {
            ++leads;
            if (i + 1 < bytes.size() && is_continuation_byte(static_cast<unsigned char>(bytes[i + 1]))) {
                ++leads_continued;
            }
        }
    }
    return leads == 0 || leads_continued * 2 < leads;
}

} // namespace

Expected<std::string> to_utf8(std::string bytes)
{
    const std::string_view view = bytes;
    if (view.starts_with("\xFF\xFE")) {
        return convert(view.substr(2), "UTF-16LE", 2);
    }
    if (view.starts_with("\xFE\xFF")) {
        return convert(view.substr(2), "UTF-16BE", 2);
    }
    std::string problem = check_text(view);
    if (problem.empty()) {
        return bytes;
    }
    if (view.find('\0') != std::string_view::npos || !is_single_byte_text(view)) {
        return Expected<std::string>::failure(std::move(problem));
    }
    return convert(view, "WINDOWS-1252", 1);
}

} // namespace kosh
