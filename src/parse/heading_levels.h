// Gives plain-text headings their levels from the evidence the document itself shows.
#pragma once

#include <string>
#include <vector>

namespace kosh {

/// A heading as the plain-text reader found it, before its level is known.
struct HeadingCue {
    std::string text;
    int line = 0;
    /// How the heading is set, as a key that is equal for headings set alike: its underline
    /// ("u=", or "o=" with an overline), its label keyword ("label:chapter"), or its casing
    /// ("caps", "mixed"), plus "?" for a question and "@in" when it is indented.
    std::string style;
    std::vector<int> numbers; // "2.3.1 Foo" -> {2, 3, 1}; empty when unnumbered (or untrusted)
    int marker_depth = 0;     // "== Section" -> 2: the marker gives the level
    int words = 0;
    bool label = false;    // "Chapter 4", "PART TWO"
    int label_number = 0;  // 4 for "Chapter 4"
    bool lead = false;     // its text follows directly, without a blank line
    bool opens = false;    // another heading follows directly, with no text between
    bool has_text = false; // a paragraph follows it

    [[nodiscard]] int number_depth() const { return static_cast<int>(numbers.size()); }
};

/// Whether section number `next` can follow `previous`: the next sibling, a first child, or
/// the next sibling of an ancestor ("1.2" after "1.1", "1.2.1" or "1"; "2" after "1.2.1").
[[nodiscard]] bool follows_on(const std::vector<int>& previous, const std::vector<int>& next);

/// True when most numbered headings follow on from the one before ("1", "1.1", "1.2", "2"):
/// section numbers rather than version numbers or years that happen to open a line.
[[nodiscard]] bool numbering_is_consistent(const std::vector<HeadingCue>& headings);

/// Levels for headings[first..] (earlier ones, the title, are level 1):
///  0. A heading marker gives the level itself: "== Section" is level 2.
///  1. A section number gives the depth: "1" is level 2, "1.2" level 3, even with no "1.1" above;
///     under a label heading ("Chapter 4") numbering restarts below it, and "4.1" under
///     "Chapter 4" counts the chapter as its first part.
///  2. A conventional top-level name (Introduction, Conclusion, References, Appendix ...; see
///     is_top_level_name) is level 2, unless the document uses it more than once (a "Summary" in
///     every chapter is a subsection) or underlines it (the underline states its level).
///  3. Every other heading's level is its style's rank: underlined styles first, in order of
///     first appearance as in reStructuredText, then labels ("CHAPTER I"), ALL CAPS and mixed
///     case. The first style is level 2, the next level 3, and so on.
///     One style means a flat outline: no nesting is invented without evidence.
///     The evidence a style can hold within itself is the lead-paragraph layout: where some of
///     its headings run straight into their text, or straight into another heading, and others
///     have a blank line and text after them, the first kind are sections and the second kind,
///     below them, their subsections.
///  4. No heading is more than one level below the heading it sits under.
[[nodiscard]] std::vector<int> heading_levels(const std::vector<HeadingCue>& headings, std::size_t first);

} // namespace kosh
