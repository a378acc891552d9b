// Writes small PDFs in the test itself: pages of Helvetica lines, an optional Title and a
// two-level outline. Enough of the format for poppler to read, and nothing more.
#pragma once

#include <string>
#include <vector>

namespace kosh::test {

struct TinyBookmark {
    std::string title;
    std::vector<std::string> children;
};

struct TinyPdf {
    /// Each page's lines, top down, 14 points apart; an empty line leaves a gap of one line.
    std::vector<std::vector<std::string>> pages;
    std::string title;                   // Info /Title; none when empty
    std::vector<TinyBookmark> bookmarks; // the outline; none when empty
    bool drawing_only = false;           // pages draw a line instead of their text
};

/// Escapes `text` for a PDF literal string.
inline std::string pdf_string(const std::string& text)
{
    std::string out = "(";
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + ")";
}

/// The bytes of `pdf`, with a correct cross-reference table.
inline std::string write_tiny_pdf(const TinyPdf& pdf)
{
    std::vector<std::string> objects; // object i+1
    auto add = [&](std::string body) {
        objects.push_back(std::move(body));
        return static_cast<int>(objects.size());
    };
    auto ref = [](int id) { return std::to_string(id) + " 0 R"; };

    const int catalog = add("");
    const int pages_id = add("");
    const int font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    std::vector<int> page_ids;
    for (const auto& lines : pdf.pages) {
        std::string content;
        if (pdf.drawing_only) {
            content = "2 w 72 700 m 500 100 l S\n";
        } else {
            content = "BT /F1 11 Tf 14 TL 72 760 Td\n";
            for (const std::string& line : lines) {
                content += pdf_string(line) + " '\n";
            }
            content += "ET\n";
        }
        const int stream =
            add("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
        page_ids.push_back(add("<< /Type /Page /Parent " + ref(pages_id) +
                               " /MediaBox [0 0 612 792] /Resources << /Font << /F1 " + ref(font) +
                               " >> >> /Contents " + ref(stream) + " >>"));
    }
    std::string kids;
    for (int id : page_ids) {
        kids += ref(id) + " ";
    }
    objects[pages_id - 1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(page_ids.size()) + " >>";

    std::string outline_entry;
    if (!pdf.bookmarks.empty()) {
        const int root = add("");
        // Items of one level under `parent`, linked as siblings; returns their ids.
        auto add_level = [&](const std::vector<std::string>& titles, int parent) {
            std::vector<int> ids;
            for (std::size_t i = 0; i < titles.size(); ++i) {
                ids.push_back(add(""));
            }
            for (std::size_t i = 0; i < ids.size(); ++i) {
                std::string body = "<< /Title " + pdf_string(titles[i]) + " /Parent " + ref(parent);
                if (i > 0) {
                    body += " /Prev " + ref(ids[i - 1]);
                }
                if (i + 1 < ids.size()) {
                    body += " /Next " + ref(ids[i + 1]);
                }
                if (!page_ids.empty()) {
                    body += " /Dest [" + ref(page_ids.front()) + " /Fit]";
                }
                objects[ids[i] - 1] = body; // closed below, once children are known
            }
            return ids;
        };
        std::vector<std::string> top;
        for (const TinyBookmark& bookmark : pdf.bookmarks) {
            top.push_back(bookmark.title);
        }
        const std::vector<int> top_ids = add_level(top, root);
        for (std::size_t i = 0; i < top_ids.size(); ++i) {
            const auto& children = pdf.bookmarks[i].children;
            if (!children.empty()) {
                const std::vector<int> child_ids = add_level(children, top_ids[i]);
                for (int child : child_ids) {
                    objects[child - 1] += " >>";
                }
                objects[top_ids[i] - 1] += " /First " + ref(child_ids.front()) + " /Last " + ref(child_ids.back()) +
                                           " /Count " + std::to_string(child_ids.size());
            }
            objects[top_ids[i] - 1] += " >>";
        }
        objects[root - 1] = "<< /Type /Outlines /First " + ref(top_ids.front()) + " /Last " + ref(top_ids.back()) +
                            " /Count " + std::to_string(top_ids.size()) + " >>";
        outline_entry = " /Outlines " + ref(root);
    }
    objects[catalog - 1] = "<< /Type /Catalog /Pages " + ref(pages_id) + outline_entry + " >>";
    int info = 0;
    if (!pdf.title.empty()) {
        info = add("<< /Title " + pdf_string(pdf.title) + " >>");
    }

    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        std::string number = std::to_string(offset);
        out += std::string(10 - number.size(), '0') + number + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + ref(catalog);
    if (info != 0) {
        out += " /Info " + ref(info);
    }
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

} // namespace kosh::test
