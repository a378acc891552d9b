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

// Cuts one long paragraph into pieces of whole sentences of at most about max_words each. A
// sentence of more than k_run_on_factor * max_words words (text without sentence punctuation,
// such as a file that is one huge line) is cut between words every max_words words, so no
// passage grows without bound. Linear in the paragraph's size.
constexpr int k_run_on_factor = 4;

void split_long(const Paragraph& paragraph, int max_words, std::vector<Paragraph>& out)
{
    const std::string_view text = paragraph.text;
    const auto sentences = split_sentences(text);
    std::size_t piece_begin = 0;
    int piece_words = 0;
    // Line numbers are counted incrementally: pieces are flushed in text order.
    std::size_t counted_to = 0;
    int line = paragraph.first_line;
    auto flush = [&](std::size_t piece_end) {
        if (piece_end <= piece_begin) {
            return;
        }
        Paragraph piece;
        piece.sections = paragraph.sections;
        const auto slice = text.substr(piece_begin, piece_end - piece_begin);
        const auto lead = slice.find_first_not_of(" \t\n");
        const auto trail = slice.find_last_not_of(" \t\n");
        if (lead == std::string_view::npos) {
            return;
        }
        piece.text = std::string(slice.substr(lead, trail - lead + 1));
        line += count_newlines(text.substr(counted_to, piece_begin + lead - counted_to));
        counted_to = piece_begin + lead;
        piece.first_line = line;
        piece.last_line = piece.first_line + count_newlines(piece.text);
        out.push_back(std::move(piece));
    };
    const int run_on_words = k_run_on_factor * std::max(1, max_words);
    for (const auto& sentence : sentences) {
        const int words = count_words(text.substr(sentence.begin, sentence.end - sentence.begin));
        if (piece_words > 0 && piece_words + words > max_words) {
            flush(sentence.begin);
            piece_begin = sentence.begin;
            piece_words = 0;
        }
        if (words <= run_on_words) {
            piece_words += words;
            continue;
        }
        // A run-on "sentence": cut it before every max_words-th word.
        int seen = 0;
        for_each_word(text.substr(sentence.begin, sentence.end - sentence.begin), [&](std::size_t begin, std::size_t) {
            if (seen > 0 && seen % std::max(1, max_words) == 0) {
                flush(sentence.begin + begin);
                piece_begin = sentence.begin + begin;
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
        if (has_pending && pending.sections == current.sections) {
            current.text = pending.text + line_gap(pending.last_line, current.first_line) + current.text;
            current.first_line = pending.first_line;
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
            passages.back().text += line_gap(passages.back().last_line, pending.first_line) + pending.text;
            passages.back().last_line = pending.last_line;
        } else {
            passages.push_back(std::move(pending));
        }
    }
    return passages;
}

} // namespace kosh
