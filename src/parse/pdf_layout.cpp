// Running headers, paragraph ends and hyphenation in a PDF's extracted lines (see pdf_layout.h).
#include "parse/pdf_layout.h"

#include "parse/line_reader.h"
#include "util/ascii.h"

#include <algorithm>
#include <unordered_map>

namespace kosh::pdf {

namespace {

constexpr std::size_t k_edge_lines = 3; // how far into a page, from either end, a running line may sit
constexpr std::size_t k_min_pages = 4;

/// The indices of the lines of `page` that could be running lines: the first and last few
/// non-blank ones.
std::vector<std::size_t> edge_lines(const std::vector<std::string>& page)
{
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < page.size() && found.size() < k_edge_lines; ++i) {
        if (!is_blank(page[i])) {
            found.push_back(i);
        }
    }
    std::size_t from_end = 0;
    for (std::size_t i = page.size(); i-- > 0 && from_end < k_edge_lines;) {
        if (!is_blank(page[i])) {
            ++from_end;
            if (std::find(found.begin(), found.end(), i) == found.end()) {
                found.push_back(i);
            }
        }
    }
    return found;
}

/// Pages on which a key stands at a page edge, counted once per page.
struct KeyCount {
    std::size_t all = 0;
    std::size_t odd = 0; // page 1, 3, 5...
    std::size_t even = 0;
    std::size_t first_page = 0;
    std::size_t last_page = static_cast<std::size_t>(-1);
};

/// On two in five of the pages from its first to its last: a chapter's running header, set on
/// every other page of that chapter. A word (two letters in a row) keeps a stray "}" or "-" that
/// starts a few pages of code from passing.
bool runs_through_its_span(const KeyCount& count, std::string_view key)
{
    const std::size_t span = count.last_page - count.first_page + 1;
    const bool has_word = std::adjacent_find(key.begin(), key.end(), [](char a, char b) {
                              return is_ascii_lower(a) && is_ascii_lower(b);
                          }) != key.end();
    return has_word && count.all * 5 >= span * 2;
}

bool more_than_half(std::size_t count, std::size_t of)
{
    return of > 0 && count * 2 > of;
}

bool is_word_byte(char c)
{
    return is_ascii_lower(c) || is_ascii_upper(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

bool is_lower_start(char c)
{
    return is_ascii_lower(c) || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

std::string running_line_key(std::string_view line)
{
    std::string key;
    bool in_digits = false;
    for (char c : collapse_ascii_space(line)) {
        if (is_ascii_digit(c)) {
            if (!in_digits) {
                key += '#';
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        key += ascii_lower(c);
    }
    return key;
}

std::vector<std::vector<bool>> find_running_lines(const PageLines& pages)
{
    std::vector<std::vector<bool>> running(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        running[p].assign(pages[p].size(), false);
    }
    if (pages.size() < k_min_pages) {
        return running;
    }

    std::vector<std::vector<std::pair<std::size_t, std::string>>> candidates(pages.size());
    std::unordered_map<std::string, KeyCount> counts;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (std::size_t i : edge_lines(pages[p])) {
            std::string key = running_line_key(pages[p][i]);
            KeyCount& count = counts[key];
            if (count.last_page != p) {
                if (count.all == 0) {
                    count.first_page = p;
                }
                count.last_page = p;
                ++count.all;
                ++(p % 2 == 0 ? count.odd : count.even);
            }
            candidates[p].emplace_back(i, std::move(key));
        }
    }

    const std::size_t odd_pages = (pages.size() + 1) / 2;
    const std::size_t even_pages = pages.size() / 2;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& [i, key] : candidates[p]) {
            const KeyCount& count = counts[key];
            running[p][i] =
                count.all >= 3 && (more_than_half(count.all, pages.size()) || more_than_half(count.odd, odd_pages) ||
                                   more_than_half(count.even, even_pages) || runs_through_its_span(count, key));
        }
    }
    return running;
}

bool is_contents_entry(std::string_view line)
{
    line = trim(line);
    std::size_t end = line.size();
    while (end > 0 &&
           (is_ascii_digit(line[end - 1]) || std::string_view("ivxlc").find(line[end - 1]) != std::string_view::npos)) {
        --end;
    }
    if (end == line.size() || end == 0) {
        return false;
    }
    // Back over the leader: dots and the spaces between them.
    std::size_t dots = 0;
    std::size_t start = end;
    while (start > 0 && (line[start - 1] == '.' || line[start - 1] == ' ')) {
        dots += line[start - 1] == '.' ? 1 : 0;
        --start;
    }
    return dots >= 4 && start > 0;
}

std::size_t count_characters(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool ends_paragraph(std::string_view line, std::string_view next, std::size_t full)
{
    line = trim(line);
    next = trim(next);
    while (!line.empty() && (line.back() == ')' || line.back() == '"' || line.back() == '\'')) {
        line.remove_suffix(1);
    }
    if (line.empty() || next.empty()) {
        return false;
    }
    const char end = line.back();
    if (end != '.' && end != '!' && end != '?' && end != ':') {
        return false;
    }
    // Short: under four fifths of a full line. A ragged-right block has lines of every length,
    // but there a wrong split costs no more than a finer passage.
    if (count_characters(line) * 5 >= full * 4) {
        return false;
    }
    const bool bullet =
        next.substr(0, 3) == "\u2022" || ((next[0] == '-' || next[0] == '*') && next.size() > 1 && next[1] == ' ');
    return is_ascii_upper(next[0]) || bullet;
}

void WordSet::add_words(std::string_view line)
{
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && !is_word_byte(line[i])) {
            ++i;
        }
        std::size_t end = i;
        while (end < line.size() && (is_word_byte(line[end]) ||
                                     (line[end] == '-' && end + 1 < line.size() && is_word_byte(line[end + 1])))) {
            ++end;
        }
        if (end > i) {
            m_words.insert(ascii_lower(line.substr(i, end - i)));
        }
        i = end;
    }
}

void join_hyphenated_words(std::vector<std::string>& lines, const WordSet& words)
{
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        std::string& line = lines[i];
        while (!line.empty() && is_ascii_space(line.back())) {
            line.pop_back();
        }
        if (line.size() < 2 || line.back() != '-' || !is_lower_start(line[line.size() - 2])) {
            continue;
        }
        std::string& next = lines[i + 1];
        const std::size_t start = next.find_first_not_of(" \t");
        if (start == std::string::npos || !is_lower_start(next[start])) {
            continue;
        }
        std::size_t word_end = start;
        while (word_end < next.size() && is_word_byte(next[word_end])) {
            ++word_end;
        }
        // The whole token moves up, its punctuation with it: "ment," not "ment" and a stray ",".
        std::size_t tail_end = word_end;
        while (tail_end < next.size() && !is_ascii_space(next[tail_end])) {
            ++tail_end;
        }
        std::size_t head_start = line.size() - 1;
        while (head_start > 0 && (is_word_byte(line[head_start - 1]) || line[head_start - 1] == '-')) {
            --head_start;
        }
        const std::string head = ascii_lower(std::string_view(line).substr(head_start, line.size() - 1 - head_start));
        const std::string tail = ascii_lower(std::string_view(next).substr(start, word_end - start));
        const bool compound = words.contains(head + "-" + tail) && !words.contains(head + tail);
        if (!compound) {
            line.pop_back();
        }
        line.append(next, start, tail_end - start);
        // The rest of the next line, without the space that followed the moved word.
        std::size_t rest = tail_end;
        while (rest < next.size() && is_ascii_space(next[rest])) {
            ++rest;
        }
        next.erase(0, rest);
    }
}

} // namespace kosh::pdf
