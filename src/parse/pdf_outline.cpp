// Bookmark placement and title cleaning for the PDF reader (see pdf_outline.h).
#include "parse/pdf_outline.h"

#include "parse/line_reader.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace kosh::pdf {

namespace {

bool starts_with_word(std::string_view text, std::string_view word)
{
    return text.size() > word.size() && text.substr(0, word.size()) == word && text[word.size()] == ' ';
}

/// The length of the section number that opens `key` (lower-cased, spaces collapsed), with the
/// space after it; 0 when there is none.
std::size_t section_number_length(std::string_view key)
{
    for (std::string_view label : {"chapter", "section", "part", "appendix"}) {
        if (starts_with_word(key, label)) {
            // The label's number: digits, a roman numeral or one letter, then perhaps '.' or ':'
            // ("Chapter 4:", "Part IV", "Appendix B."). A word is no number ("Chapter about").
            const std::size_t start = label.size() + 1;
            const std::size_t number_end = key.find(' ', start);
            if (number_end == std::string_view::npos) {
                return 0;
            }
            std::string_view number = key.substr(start, number_end - start);
            if (number.back() == '.' || number.back() == ':') {
                number.remove_suffix(1);
            }
            const bool digits = !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
            const bool roman = !number.empty() && number.find_first_not_of("ivxlcdm") == std::string_view::npos;
            const bool letter = number.size() == 1 && is_ascii_lower(number[0]);
            return digits || roman || letter ? number_end + 1 : 0;
        }
    }
    // "2", "2.3", "2.3.", "a.", "a.1", "iv." followed by a space.
    std::size_t i = 0;
    bool digits = false;
    while (i < key.size() && is_ascii_digit(key[i])) {
        ++i;
        digits = true;
    }
    if (!digits) {
        const std::size_t letters = key.find_first_not_of("abcdefghijklmnopqrstuvwxyz");
        // One letter ("a.") or a roman numeral ("iv."), and then a dot.
        if (letters == std::string_view::npos || letters == 0 || key[letters] != '.' ||
            (letters > 1 && key.substr(0, letters).find_first_not_of("ivxlcdm") != std::string_view::npos)) {
            return 0;
        }
        i = letters;
    }
    while (i < key.size() && (key[i] == '.' || is_ascii_digit(key[i]))) {
        ++i;
    }
    return i < key.size() && key[i] == ' ' ? i + 1 : 0;
}

struct Place {
    std::size_t line;
    std::size_t span;
};

} // namespace

std::string heading_key(std::string_view text)
{
    std::string key = ascii_lower(collapse_ascii_space(text));
    const std::size_t number = section_number_length(key);
    if (number > 0 && number < key.size()) {
        key.erase(0, number);
    }
    return key;
}

std::vector<PlacedBookmark> place_bookmarks(const std::vector<Bookmark>& bookmarks,
                                            const std::vector<std::string_view>& lines)
{
    std::vector<std::string> keys;
    keys.reserve(bookmarks.size());
    std::unordered_set<std::string> wanted;
    for (const Bookmark& bookmark : bookmarks) {
        keys.push_back(heading_key(bookmark.title));
        if (!keys.back().empty()) {
            wanted.insert(keys.back());
        }
    }

    // Every place each wanted key stands, in line order.
    std::unordered_map<std::string, std::vector<Place>> places;
    std::string pair;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_blank(lines[i])) {
            continue;
        }
        std::string key = heading_key(lines[i]);
        if (wanted.count(key) != 0) {
            places[key].push_back({i, 1});
        }
        if (i + 1 < lines.size() && !is_blank(lines[i + 1])) {
            pair.assign(lines[i]);
            pair += ' ';
            pair.append(lines[i + 1]);
            key = heading_key(pair);
            if (wanted.count(key) != 0) {
                places[key].push_back({i, 2});
            }
        }
    }

    // The most bookmarks that can stand in order, each below the one before: the longest chain
    // over the candidates (patience sorting, kept to the earliest-ending chain of each length).
    // One title found far ahead of its place ("Column" on a line "1 column" a hundred pages on)
    // then costs that one bookmark, not all those between.
    struct Node {
        std::size_t bookmark;
        Place place;
        std::size_t previous; // the node before it in its chain, or k_none
    };
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<Node> nodes;
    std::vector<std::size_t> chain_end; // chain_end[n]: the node ending the earliest chain of n + 1
    std::vector<std::pair<std::size_t, std::size_t>> updates; // (length, node)
    auto end_of = [&](std::size_t node) { return nodes[node].place.line + nodes[node].place.span; };
    for (std::size_t b = 0; b < bookmarks.size(); ++b) {
        const auto found = places.find(keys[b]);
        if (found == places.end()) {
            continue;
        }
        updates.clear();
        for (const Place& place : found->second) {
            // Chains end later the longer they are: find the longest one ending above this place.
            const auto longer = std::partition_point(chain_end.begin(), chain_end.end(),
                                                     [&](std::size_t node) { return end_of(node) <= place.line; });
            const std::size_t length = static_cast<std::size_t>(longer - chain_end.begin());
            nodes.push_back({b, place, length == 0 ? k_none : chain_end[length - 1]});
            updates.emplace_back(length, nodes.size() - 1);
        }
        // Applied once all of this bookmark's places are weighed: one bookmark, one place.
        for (const auto& [length, node] : updates) {
            if (length == chain_end.size()) {
                chain_end.push_back(node);
            } else if (end_of(node) < end_of(chain_end[length])) {
                chain_end[length] = node;
            }
        }
    }
    std::vector<PlacedBookmark> placed;
    for (std::size_t node = chain_end.empty() ? k_none : chain_end.back(); node != k_none;
         node = nodes[node].previous) {
        placed.push_back({nodes[node].bookmark, nodes[node].place.line, nodes[node].place.span});
    }
    std::reverse(placed.begin(), placed.end());
    return placed;
}

std::string clean_pdf_title(std::string_view metadata)
{
    std::string title = collapse_ascii_space(metadata);
    bool from_office = false;
    for (std::string_view prefix : {"microsoft word - ", "microsoft powerpoint - ", "microsoft excel - "}) {
        if (ascii_lower(title).rfind(prefix, 0) == 0) {
            title.erase(0, prefix.size());
            from_office = true;
        }
    }
    // A file name ("report.doc", "main.dvi"): the name of another file, not of the document.
    const std::size_t dot = title.rfind('.');
    if (title.find(' ') == std::string::npos && dot != std::string::npos && dot > 0) {
        static constexpr std::array<std::string_view, 14> k_extensions{".doc", ".docx", ".rtf", ".odt", ".tex",
                                                                       ".dvi", ".pdf",  ".ps",  ".txt", ".indd",
                                                                       ".qxd", ".wpd",  ".ppt", ".pptx"};
        const std::string extension = ascii_lower(std::string_view(title).substr(dot));
        if (std::find(k_extensions.begin(), k_extensions.end(), extension) != k_extensions.end()) {
            title = from_office ? title.substr(0, dot) : std::string();
        }
    }
    static constexpr std::array<std::string_view, 7> k_no_title{
        "untitled", "untitled document", "title", "document", "no title", "none", "unknown"};
    if (std::find(k_no_title.begin(), k_no_title.end(), ascii_lower(title)) != k_no_title.end()) {
        title.clear();
    }
    return title;
}

} // namespace kosh::pdf
