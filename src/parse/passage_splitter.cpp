// Turns a document's paragraphs into passages of a size that ranks well.
#include "parse/passage_splitter.h"

#include "analyze/tokenizer.h"
#include "parse/sentence_splitter.h"

#include <algorithm>

namespace kosh {

namespace {

int count_words(std::string_view text)
{
    int words = 0;
    for_each_word(text, [&](std::size_t, std::size_t) { ++words; });
    return words;
}

// Joins two passages with as many line breaks as separate them in the source, so that a byte
// offset in the joined text still maps to the right source line.
std::string line_gap(int last_line, int next_first_line)
{
    return std::string(static_cast<std::size_t>(std::max(1, next_first_line - last_line)), '\n');
}

int count_newlines(std::string_view text)
{
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

/// Moves `from`'s code spans onto the end of `to`, whose text `from`'s now follows from `offset` on.
void append_code(std::vector<ByteSpan>& to, const std::vector<ByteSpan>& from, std::size_t offset)
{
    for (const ByteSpan& span : from) {
        to.push_back({span.begin + offset, span.end + offset});
    }
}

/// Appends `next` to `passage`, with the line breaks that separate them in the source.
void append_passage(Paragraph& passage, const Paragraph& next)
{
    passage.text += line_gap(passage.last_line, next.first_line);
    append_code(passage.code, next.code, passage.text.size());
    passage.text += next.text;
    passage.last_line = next.last_line;
}

/// The places a long paragraph may be cut before: its prose's sentences and its code's lines.
std::vector<ByteSpan> cutting_units(std::string_view text, const std::vector<ByteSpan>& code)
{
    std::vector<ByteSpan> units;
    std::size_t prose_begin = 0;
    auto add_prose = [&](std::size_t prose_end) {
        for (const ByteSpan& sentence : split_sentences(text.substr(prose_begin, prose_end - prose_begin))) {
            units.push_back({prose_begin + sentence.begin, prose_begin + sentence.end});
        }
    };
    for (const ByteSpan& block : code) {
        add_prose(block.begin);
        for (std::size_t line = block.begin; line < block.end;) {
            const std::size_t newline = text.find('\n', line);
            const std::size_t line_end = std::min(newline == std::string_view::npos ? text.size() : newline, block.end);
            units.push_back({line, line_end});
            line = line_end + 1;
        }
        prose_begin = block.end;
    }
    add_prose(text.size());
    return units;
}

/// Where the text of a piece [begin, end) starts: past leading white space, except the
/// indentation of a code line, which is part of the code. No span of `code` before `first`
/// reaches `begin`.
std::size_t piece_start(std::string_view text, std::size_t begin, std::size_t end, const std::vector<ByteSpan>& code,
                        std::size_t first)
{
    std::size_t lead = begin;
    while (lead < end && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\n')) {
        ++lead;
    }
    while (first < code.size() && code[first].end <= lead) {
        ++first;
    }
    if (lead == end || first == code.size() || lead < code[first].begin) {
        return lead;
    }
    const std::size_t newline = text.rfind('\n', lead); // text[lead] is not one
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    return std::max({begin, code[first].begin, line_start});
}

// Cuts one long paragraph into pieces of whole sentences of at most about max_words each; code
// is cut only between its lines, never at a "sentence" inside it. A unit of more than
// k_run_on_factor * max_words words (text without sentence punctuation, such as a file that is
// one huge line) is cut between words every max_words words, so no passage grows without
// bound. Linear in the paragraph's size.
constexpr int k_run_on_factor = 4;

void split_long(const Paragraph& paragraph, int max_words, std::vector<Paragraph>& out)
{
    const std::string_view text = paragraph.text;
    const std::vector<ByteSpan> code = tidy_spans(paragraph.code, text.size());
    std::size_t piece_begin = 0;
    int piece_words = 0;
    // Line numbers are counted incrementally: pieces are flushed in text order, and so is code.
    std::size_t counted_to = 0;
    int line = paragraph.first_line;
    std::size_t next_code = 0; // the first code span that may still reach into a piece
    auto flush = [&](std::size_t piece_end) {
        if (piece_end <= piece_begin) {
            return;
        }
        while (next_code < code.size() && code[next_code].end <= piece_begin) {
            ++next_code;
        }
        const std::size_t lead = piece_start(text, piece_begin, piece_end, code, next_code);
        const auto trail = text.substr(0, piece_end).find_last_not_of(" \t\n");
        if (lead >= piece_end || trail == std::string_view::npos || trail < lead) {
            return;
        }
        Paragraph piece;
        piece.sections = paragraph.sections;
        piece.text = std::string(text.substr(lead, trail + 1 - lead));
        while (next_code < code.size() && code[next_code].end <= lead) {
            ++next_code;
        }
        for (std::size_t c = next_code; c < code.size() && code[c].begin <= trail; ++c) {
            const std::size_t begin = std::max(code[c].begin, lead);
            const std::size_t end = std::min(code[c].end, trail + 1);
            piece.code.push_back({begin - lead, end - lead});
        }
        line += count_newlines(text.substr(counted_to, lead - counted_to));
        counted_to = lead;
        piece.first_line = line;
        piece.last_line = piece.first_line + count_newlines(piece.text);
        out.push_back(std::move(piece));
    };
    const int run_on_words = k_run_on_factor * std::max(1, max_words);
    for (const auto& unit : cutting_units(text, code)) {
        const int words = count_words(text.substr(unit.begin, unit.end - unit.begin));
        if (piece_words > 0 && piece_words + words > max_words) {
            flush(unit.begin);
            piece_begin = unit.begin;
            piece_words = 0;
        }
        if (words <= run_on_words) {
            piece_words += words;
            continue;
        }
        // A run-on unit: cut it before every max_words-th word.
        int seen = 0;
        for_each_word(text.substr(unit.begin, unit.end - unit.begin), [&](std::size_t begin, std::size_t) {
            if (seen > 0 && seen % std::max(1, max_words) == 0) {
                flush(unit.begin + begin);
                piece_begin = unit.begin + begin;
                piece_words = 0;
            }
            ++seen;
            ++piece_words;
        });
    }
    flush(text.size());
}

} // namespace

std::vector<Paragraph> split_passages(const Document& document, const PassageLimits& limits)
{
    std::vector<Paragraph> passages;
    // A short paragraph waiting to join the next one (a flag, not std::optional: GCC 12 warns
    // about an optional string's storage here without cause).
    Paragraph pending;
    bool has_pending = false;
    int pending_words = 0;
    for (const Paragraph& paragraph : document.paragraphs) {
        const int words = count_words(paragraph.text);
        if (words == 0) {
            continue;
        }
        Paragraph current = paragraph;
        int current_words = words;
        // Paragraphs that share a line have a heading between them (an HTML page's heading may
        // sit on the line a paragraph ends on), even where its path reads the same.
        if (has_pending && pending.sections == current.sections && pending.last_line < current.first_line) {
            append_passage(pending, current);
            current = std::move(pending);
            current_words += pending_words;
            has_pending = false;
        } else if (has_pending) {
            passages.push_back(std::move(pending));
            has_pending = false;
        }
        if (current_words < limits.min_words) {
            pending = std::move(current);
            has_pending = true;
            pending_words = current_words;
            continue;
        }
        if (current_words > limits.max_words) {
            split_long(current, limits.max_words, passages);
        } else {
            passages.push_back(std::move(current));
        }
    }
    if (has_pending) {
        // A short tail joins the passage before it when that is in the same section.
        if (!passages.empty() && passages.back().sections == pending.sections &&
            passages.back().last_line < pending.first_line) {
            append_passage(passages.back(), pending);
        } else {
            passages.push_back(std::move(pending));
        }
    }
    return passages;
}

} // namespace kosh
