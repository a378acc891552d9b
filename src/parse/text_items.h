// What the plain-text reader's scan finds, line by line, before the context rules and levels:
// shared by text_scanner (which finds them) and heading_filter (which confirms or demotes them).
#pragma once

#include "parse/document.h"
#include "parse/heading_levels.h"
#include "parse/line_reader.h"

#include <cstddef>
#include <vector>

namespace kosh::plain_text {

constexpr std::size_t k_max_heading_length = 100; // code points
constexpr int k_max_heading_words = 16;
constexpr int k_max_plain_words = 9;            // for a heading in sentence or lower case
constexpr std::size_t k_unwrapped_length = 200; // wider than any hard-wrapped line
constexpr std::size_t k_long_sentence_line = 100;
constexpr int k_code_indent = 4; // columns beyond the body text that make a block code

/// How much a heading's own look says it is one; weaker ones need more support from context.
enum class Cue {
    explicit_mark, // underlined, numbered, or outdented from an indented body
    strong,        // ALL CAPS or a label ("CHAPTER IV")
    title,         // Title Case
    weak,          // sentence or lower case: only where it stands
};

/// One thing the scan found, in source order: a heading candidate or a paragraph.
struct Item {
    bool heading = false;
    HeadingCue cue; // when a heading
    Cue strength = Cue::weak;
    Cue strength_unnumbered = Cue::weak; // what its look says without its section number
    bool acronym = false;                // its text is one short word in capitals
    bool dated = false;                  // its text holds a full date
    bool uncased = false;                // its text has no cased letter (a version, a date)
    bool standalone = false;             // alone in its block
    Paragraph paragraph;                 // when a paragraph
    std::size_t line_index = 0;
};

/// Turns the heading item at `i` into a one-line paragraph.
void demote(std::vector<Item>& items, std::size_t i, const std::vector<Line>& lines);

} // namespace kosh::plain_text
