// Normalizes one word for indexing and querying: NFKC, case folding, accents removed.
#include "analyze/normalizer.h"

#include "util/ascii.h"

#include <utf8proc.h>

#include <vector>

namespace kosh {

namespace {

// Scripts whose combining marks are accents that users routinely leave out when typing.
bool strips_accents(utf8proc_int32_t base)
{
    return base < 0x0530 || (base >= 0x1E00 && base < 0x2000);
}

bool is_mark(utf8proc_int32_t cp)
{
    const auto category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME;
}

} // namespace

std::string normalize_word(std::string_view word)
{
    // Most words are ASCII: lower-casing is all their normalization amounts to.
    bool ascii = true;
    for (const char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        return ascii_lower(word);
    }
    const auto* input = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
    const auto length = static_cast<utf8proc_ssize_t>(word.size());
    const int options = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

    // Decomposition can grow a string; ask for the size first, as utf8proc_map does internally.
    utf8proc_ssize_t needed = utf8proc_decompose(input, length, nullptr, 0, static_cast<utf8proc_option_t>(options));
    if (needed < 0) {
        return std::string(word);
    }
    std::vector<utf8proc_int32_t> codepoints(static_cast<std::size_t>(needed) + 1);
    needed = utf8proc_decompose(input, length, codepoints.data(), needed, static_cast<utf8proc_option_t>(options));
    if (needed < 0) {
        return std::string(word);
    }
    codepoints.resize(static_cast<std::size_t>(needed));

    std::vector<utf8proc_int32_t> kept;
    kept.reserve(codepoints.size() + 1);
    utf8proc_int32_t base = 0;
    for (const auto cp : codepoints) {
        if (is_mark(cp)) {
            if (strips_accents(base)) {
                continue;
            }
        } else {
            base = cp;
        }
        kept.push_back(cp);
    }
    kept.push_back(0);
    // Recompose (NFC) in place; utf8proc_reencode turns the buffer into UTF-8 bytes.
    const auto encoded = utf8proc_reencode(kept.data(), static_cast<utf8proc_ssize_t>(kept.size() - 1),
                                           static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    if (encoded < 0) {
        return std::string(word);
    }
    return std::string(reinterpret_cast<const char*>(kept.data()), static_cast<std::size_t>(encoded));
}

} // namespace kosh
