// Places a PDF's bookmarks on its extracted lines, and judges its Title metadata. poppler's C++
// API gives a bookmark's title but not its page, so each is found by its text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kosh::pdf {

/// One entry of the document outline. Depth 1 is a top-level entry.
struct Bookmark {
    std::string title;
    int depth = 1;
};

/// Where a bookmark was found: lines[line], or lines[line] and the line after it together when
/// the heading is set on two lines ("Chapter 4" over "Configuring").
struct PlacedBookmark {
    std::size_t bookmark = 0; // index into the bookmarks
    std::size_t line = 0;     // index into the lines
    std::size_t span = 1;     // 1 or 2 lines
};

/// The comparison key of a heading or a line: white space collapsed, ASCII lower-cased and a
/// leading section number dropped ("2.3 ", "2.3. ", "Chapter 4 ", "Appendix B: "), unless
/// nothing else is left.
[[nodiscard]] std::string heading_key(std::string_view text);

/// Finds the bookmarks on lines whose key is theirs, keeping the outline's order: of all the
/// ways to place bookmarks in order, one that places the most, each as early as it can stand.
/// A line may also pair with the next non-empty line. Empty lines (blank, or running headers
/// the caller blanked) never match. A table-of-contents line ("Title ..... 12") has another
/// key, so it does not match. Bookmarks not found, or found only out of order, are left out
/// rather than guessed; the result is in line order. Runs in O(n log n) for n places where a
/// wanted key stands (a hash of keys, not a scan per bookmark).
[[nodiscard]] std::vector<PlacedBookmark> place_bookmarks(const std::vector<Bookmark>& bookmarks,
                                                          const std::vector<std::string_view>& lines);

/// The document title from a PDF's Title metadata, or "" when it says nothing: empty,
/// "untitled", or a file name. Word's "Microsoft Word - report.doc" gives "report".
[[nodiscard]] std::string clean_pdf_title(std::string_view metadata);

} // namespace kosh::pdf
