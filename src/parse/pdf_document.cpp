// Assembles a PDF's Document from its pages (see pdf_document.h).
#include "parse/pdf_document.h"

#include "parse/line_reader.h"
#include "parse/parser.h"
#include "util/ascii.h"

#include <algorithm>
#include <unordered_set>

namespace kosh::pdf {

namespace {

// `running` lines (running headers and footers, and contents entries) are not text.
enum class LineRole { text, blank, running, heading };

/// A block of text lines of one page, by index into the page.
struct Block {
    std::size_t first = 0;
    std::size_t last = 0; // inclusive
};

/// Splits the lines of one page into paragraphs: runs of text lines, cut where ends_paragraph
/// sees the end of one.
std::vector<Block> page_paragraphs(const std::vector<std::string>& page, const std::vector<LineRole>& roles)
{
    std::vector<Block> blocks;
    std::vector<std::size_t> lengths;
    std::size_t i = 0;
    while (i < page.size()) {
        if (roles[i] != LineRole::text) {
            ++i;
            continue;
        }
        std::size_t end = i;
        lengths.clear();
        while (end < page.size() && roles[end] == LineRole::text) {
            lengths.push_back(count_characters(trim(page[end])));
            ++end;
        }
        // The block's full line length: its median line, since poppler makes a line of the two
        // halves of a hyphenated word's lines, and those are longer than the rest.
        std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2, lengths.end());
        const std::size_t full = lengths[lengths.size() / 2];
        std::size_t first = i;
        for (std::size_t line = i; line + 1 < end; ++line) {
            if (ends_paragraph(page[line], page[line + 1], full)) {
                blocks.push_back({first, line});
                first = line + 1;
            }
        }
        blocks.push_back({first, end - 1});
        i = end;
    }
    return blocks;
}

/// A line that is only a page number: Arabic, or Roman in lower or upper case.
bool is_page_number(std::string_view line)
{
    line = trim(line);
    return !line.empty() && line.size() <= 8 && std::all_of(line.begin(), line.end(), [](char c) {
        return is_ascii_digit(c) || std::string_view("ivxlcIVXLC").find(c) != std::string_view::npos;
    });
}

} // namespace

bool is_contents_page(const std::vector<std::string>& page, const std::unordered_set<std::string>& titles)
{
    std::size_t lines = 0;
    std::size_t listed = 0; // bookmark titles, and page numbers beside them
    std::size_t named = 0;  // bookmark titles alone
    for (const std::string& line : page) {
        if (is_blank(line)) {
            continue;
        }
        ++lines;
        if (titles.count(heading_key(line)) != 0 || is_contents_entry(line)) {
            ++listed;
            ++named;
        } else if (is_page_number(line)) {
            ++listed;
        }
    }
    return named >= 5 && listed * 5 >= lines * 3;
}

Document document_from_pdf_text(const PdfText& text, std::string path)
{
    Document document;
    document.path = std::move(path);
    document.format = "pdf";
    document.title = clean_pdf_title(text.title);
    if (document.title.empty()) {
        document.title = file_stem(document.path);
    }

    std::vector<std::vector<bool>> running = find_running_lines(text.pages);
    std::unordered_set<std::string> titles;
    for (const Bookmark& bookmark : text.bookmarks) {
        titles.insert(heading_key(bookmark.title));
    }
    // A line that names a bookmark may be a heading even where it opens every page ("Lesson 1",
    // "Lesson 2"... read alike once digits are ignored): it stays a candidate, and goes back to
    // being a running line unless a bookmark is placed on it ("Chapter 2: Compile" atop every
    // page of the chapter that "2 Compile" opens).
    std::vector<std::pair<std::size_t, std::size_t>> spared; // (page, line)
    for (std::size_t p = 0; p < text.pages.size() && !titles.empty(); ++p) {
        for (std::size_t i = 0; i < text.pages[p].size(); ++i) {
            if (running[p][i] && titles.count(heading_key(text.pages[p][i])) != 0) {
                running[p][i] = false;
                spared.emplace_back(p, i);
            }
        }
    }
    // A contents page lists the bookmarks' titles, each with a page number: neither text worth
    // a passage nor the place of a heading.
    for (std::size_t p = 0; p < text.pages.size() && !titles.empty(); ++p) {
        if (is_contents_page(text.pages[p], titles)) {
            running[p].assign(text.pages[p].size(), true);
        }
    }
    std::vector<std::vector<LineRole>> roles(text.pages.size());
    std::vector<std::string_view> lines; // every line of the file; empty where it cannot be a heading
    for (std::size_t p = 0; p < text.pages.size(); ++p) {
        document.page_starts.push_back(static_cast<int>(lines.size()) + 1);
        for (std::size_t i = 0; i < text.pages[p].size(); ++i) {
            const std::string& line = text.pages[p][i];
            const LineRole role = running[p][i] || is_contents_entry(line) ? LineRole::running
                                  : is_blank(line)                         ? LineRole::blank
                                                                           : LineRole::text;
            roles[p].push_back(role);
            lines.push_back(role == LineRole::text ? std::string_view(line) : std::string_view());
        }
    }

    std::vector<PlacedBookmark> placed = place_bookmarks(text.bookmarks, lines);
    if (placed.size() * 2 < text.bookmarks.size()) {
        placed.clear();
    }
    // Line index -> page and index in page, for marking heading lines.
    auto mark_heading = [&](std::size_t line) {
        const auto page =
            std::upper_bound(document.page_starts.begin(), document.page_starts.end(), static_cast<int>(line) + 1) -
            document.page_starts.begin() - 1;
        roles[page][line + 1 - document.page_starts[page]] = LineRole::heading;
    };
    for (const PlacedBookmark& place : placed) {
        for (std::size_t i = 0; i < place.span; ++i) {
            mark_heading(place.line + i);
        }
        const Bookmark& bookmark = text.bookmarks[place.bookmark];
        std::string heading = collapse_ascii_space(bookmark.title);
        document.headings.push_back({std::move(heading), bookmark.depth + 1, static_cast<int>(place.line) + 1});
    }
    for (const auto& [page, line] : spared) {
        if (roles[page][line] != LineRole::heading) {
            roles[page][line] = LineRole::running;
        }
    }

    WordSet words;
    for (std::size_t p = 0; p < text.pages.size(); ++p) {
        for (std::size_t i = 0; i < text.pages[p].size(); ++i) {
            if (roles[p][i] == LineRole::text) {
                words.add_words(text.pages[p][i]);
            }
        }
    }

    std::vector<std::string> paragraph_lines;
    for (std::size_t p = 0; p < text.pages.size(); ++p) {
        const std::vector<std::string>& page = text.pages[p];
        for (const Block& block : page_paragraphs(page, roles[p])) {
            paragraph_lines.clear();
            for (std::size_t i = block.first; i <= block.last; ++i) {
                paragraph_lines.emplace_back(trim(page[i]));
            }
            join_hyphenated_words(paragraph_lines, words);
            Paragraph paragraph;
            paragraph.first_line = document.page_starts[p] + static_cast<int>(block.first);
            paragraph.last_line = document.page_starts[p] + static_cast<int>(block.last);
            for (std::size_t i = 0; i < paragraph_lines.size(); ++i) {
                if (i > 0) {
                    paragraph.text += '\n';
                }
                paragraph.text += paragraph_lines[i];
            }
            document.paragraphs.push_back(std::move(paragraph));
        }
    }
    assign_sections(document);
    return document;
}

} // namespace kosh::pdf
