// The poppler side of the PDF reader: load, check, extract (see pdf_reader.h).
#include "parse/pdf_reader.h"

#include "parse/line_reader.h"
#include "parse/pdf_document.h"
#include "util/ascii.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-toc.h>

#include <climits>
#include <memory>
#include <mutex>
#include <utility>

namespace kosh {

namespace {

// poppler reports problems through one process-wide callback. Each message is kept, per thread
// since the reporting thread is the one loading the file, so a load failure can say why; the
// rest is dropped: the user sees kosh's warning, not poppler's chatter.
thread_local std::string t_last_poppler_message;

void keep_poppler_message(const std::string& message, void*)
{
    t_last_poppler_message = message;
}

void silence_poppler()
{
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_poppler_message, nullptr); });
}

std::string to_utf8(const poppler::ustring& text)
{
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

/// A page's text split into lines. Control characters other than tab (the page's trailing form
/// feed, stray NULs from broken fonts) become spaces, so that a line is one line of the output.
std::vector<std::string> page_lines(const std::string& text)
{
    std::vector<std::string> lines(1);
    for (char c : text) {
        if (c == '\n') {
            lines.emplace_back();
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            lines.back() += ' ';
        } else {
            lines.back() += c;
        }
    }
    while (!lines.empty() && is_blank(lines.back())) {
        lines.pop_back();
    }
    return lines;
}

/// The outline, depth-first, without recursion: a deep outline cannot exhaust the stack.
std::vector<pdf::Bookmark> read_bookmarks(const poppler::document& document)
{
    std::vector<pdf::Bookmark> bookmarks;
    const std::unique_ptr<poppler::toc> toc(document.create_toc());
    if (!toc || toc->root() == nullptr) {
        return bookmarks;
    }
    // Each entry is a level's children and the next one to visit.
    std::vector<std::pair<std::vector<poppler::toc_item*>, std::size_t>> stack;
    stack.emplace_back(toc->root()->children(), 0);
    while (!stack.empty()) {
        auto& [items, next] = stack.back();
        if (next == items.size()) {
            stack.pop_back();
            continue;
        }
        const poppler::toc_item* item = items[next++];
        bookmarks.push_back({collapse_ascii_space(to_utf8(item->title())), static_cast<int>(stack.size())});
        std::vector<poppler::toc_item*> children = item->children();
        if (!children.empty()) {
            stack.emplace_back(std::move(children), 0);
        }
    }
    return bookmarks;
}

} // namespace

Expected<Document> parse_pdf(std::string_view bytes, std::string path)
{
    silence_poppler();
    t_last_poppler_message.clear();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return Expected<Document>::failure("PDF too large to read (over 2 GiB)");
    }
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        std::string why = collapse_ascii_space(t_last_poppler_message);
        if (why.rfind("error: ", 0) == 0) { // poppler's category, which the reason already says
            why.erase(0, 7);
        }
        return Expected<Document>::failure("damaged PDF: " +
                                           (why.empty() ? std::string("poppler cannot read it") : why));
    }
    if (document->is_locked()) {
        return Expected<Document>::failure("encrypted PDF (needs a password)");
    }
    if (document->pages() <= 0) {
        return Expected<Document>::failure("damaged PDF: no pages");
    }

    pdf::PdfText text;
    bool has_text = false;
    for (int i = 0; i < document->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page) {
            text.pages.emplace_back();
            continue;
        }
        // Reading order: poppler's text layout analysis, which reads a two-column page column
        // by column, where physical_layout would set the columns side by side on each line.
        text.pages.push_back(
            page_lines(to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout))));
        for (const std::string& line : text.pages.back()) {
            has_text = has_text || !is_blank(line);
        }
    }
    if (!has_text) {
        return Expected<Document>::failure("no text in this PDF (scanned images?)");
    }
    text.bookmarks = read_bookmarks(*document);
    text.title = to_utf8(document->info_key("Title"));
    return pdf::document_from_pdf_text(text, std::move(path));
}

} // namespace kosh
