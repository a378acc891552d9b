// The context rules of the plain-text reader: candidates that their surroundings show to be
// text (lists, captions, fields, datelines, lines that close a section...) become paragraphs,
// and the title is found.
#include "parse/heading_filter.h"

#include "parse/line_shape.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>

namespace kosh::plain_text {

namespace {

bool ends_with_colon(const Paragraph& paragraph)
{
    std::string_view text = paragraph.text;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return !text.empty() && text.back() == ':';
}

} // namespace

/// Turns the heading item at `i` into a one-line paragraph.
void demote(std::vector<Item>& items, std::size_t i, const std::vector<Line>& lines)
{
    Item& item = items[i];
    item.heading = false;
    item.paragraph = paragraph_from_lines(lines, item.line_index, item.line_index);
}

/// Where the title heading would be: the first item, or the first heading after one or two
/// lines of front matter that are not sentences (a tagline, "Independent Submission  R. Smith")
/// when that heading is set more prominently than plain text. items.size() when there is none.
std::size_t title_position(const std::vector<Item>& items)
{
    std::size_t first = 0;
    while (first < items.size() && first < 2 && !items[first].heading) {
        const Paragraph& front = items[first].paragraph;
        if (front.first_line != front.last_line || front.text.size() > k_max_heading_length ||
            measure_line(front.text).ends_sentence()) {
            return items.size();
        }
        ++first;
    }
    if (first == items.size() || !items[first].heading) {
        return items.size();
    }
    return first == 0 || items[first].strength != Cue::weak ? first : items.size();
}

namespace {

/// Whether text follows the heading at `i`, perhaps after more headings.
bool heads_text(const std::vector<Item>& items, std::size_t i)
{
    std::size_t next = i + 1;
    while (next < items.size() && items[next].heading) {
        ++next;
    }
    return next < items.size();
}

bool is_caption_word(std::string_view text)
{
    std::string word = ascii_lower(text);
    while (!word.empty() && (word.back() == ':' || word.back() == '.')) {
        word.pop_back();
    }
    constexpr std::array<std::string_view, 12> k_captions = {"example", "for example", "output",  "input",
                                                             "result",  "sample",      "listing", "code",
                                                             "note",    "tip",         "warning", "figure"};
    return std::find(k_captions.begin(), k_captions.end(), word) != k_captions.end();
}

/// The words of `text`, lowercased, split at spaces (punctuation stays on the words).
std::vector<std::string> lower_words(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ') {
            ++pos;
        }
        if (pos > start) {
            words.push_back(ascii_lower(text.substr(start, pos - start)));
        }
    }
    return words;
}

/// A line in mixed case that is a sentence without its full stop, a credit or a field rather
/// than a name: "Do not remove anything stuck in a wound", "Spa treatments must be booked a
/// day ahead", "Designed by Hanne Lowther", "Judge: Mrs Justice Okafor", "Held: non-use alone".
bool reads_as_statement(std::string_view text)
{
    const std::vector<std::string> words = lower_words(text);
    if (words.size() < 2) {
        return false;
    }
    constexpr std::array<std::string_view, 7> k_questions = {"why", "how", "what", "when", "where", "who", "which"};
    if (std::find(k_questions.begin(), k_questions.end(), words[0]) != k_questions.end()) {
        return false; // "Why you should care" names a section
    }
    // A modal or a negation makes a sentence.
    constexpr std::array<std::string_view, 12> k_sentence_words = {
        "must", "should", "shall", "will", "cannot", "can't", "don't", "do", "never", "always", "please", "won't"};
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool modal =
            std::find(k_sentence_words.begin(), k_sentence_words.end(), words[i]) != k_sentence_words.end();
        if (modal && (words[i] != "do" || (i + 1 < words.size() && words[i + 1] == "not"))) {
            return true;
        }
    }
    // "Produced by ...", "Printed in Banff": a credit.
    const std::string& first = words[0];
    if (first.size() > 3 && first.ends_with("ed") && (words[1] == "by" || words[1] == "in")) {
        return true;
    }
    // One word before ": " and a value that is not a subtitle: lowercase, a list, a person.
    const std::size_t colon = text.find(": ");
    if (colon != std::string_view::npos && text.substr(0, colon).find(' ') == std::string_view::npos) {
        const std::string_view value = text.substr(colon + 2);
        const bool lowercase = !value.empty() && is_ascii_lower(value[0]);
        const bool listed = value.find(", ") != std::string_view::npos;
        const bool honorific = value.starts_with("Dr") || value.starts_with("Mr") || value.starts_with("Ms") ||
                               value.starts_with("Prof") || value.starts_with("Sir ");
        return lowercase || listed || honorific;
    }
    return false;
}

/// Title Case or sentence case: how a line in mixed case looks tells little about its rank.
bool is_unmarked(Cue strength)
{
    return strength == Cue::title || strength == Cue::weak;
}

/// "2.1" somewhere: a version or a section, which a release heading ("Version 2.1, 3 May 2020")
/// holds and a dateline does not.
bool has_point_number(std::string_view text)
{
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '.' && is_ascii_digit(text[i - 1]) && is_ascii_digit(text[i + 1])) {
            return true;
        }
    }
    return false;
}

bool is_contents_label(std::string_view text)
{
    std::string name = ascii_lower(text);
    while (!name.empty() && name.back() == ':') {
        name.pop_back();
    }
    return name == "contents" || name == "table of contents";
}

/// Where section numbers do not follow on from each other (years, versions), they are text.
void drop_inconsistent_numbers(std::vector<Item>& items, const std::vector<Line>& lines)
{
    std::vector<HeadingCue> numbered;
    for (const Item& item : items) {
        if (item.heading && !item.cue.numbers.empty()) {
            numbered.push_back(item.cue);
        }
    }
    if (numbered.empty()) {
        return;
    }
    if (numbering_is_consistent(numbered)) {
        // A number that does not follow on from the one before ("412 residents responded...")
        // opens a line of text, not a section.
        const std::vector<int>* previous = nullptr;
        std::vector<int> chapter; // "Chapter 3" numbers what follows it as 3.1, 3.2...
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].heading && items[i].cue.label && items[i].cue.label_number > 0) {
                chapter = {items[i].cue.label_number};
                previous = &chapter;
                continue;
            }
            if (!items[i].heading || items[i].cue.numbers.empty()) {
                continue;
            }
            const std::vector<int>& numbers = items[i].cue.numbers;
            // An appendix ("A.1") starts its own sequence.
            const bool appendix_starts = numbers.front() > 1000 && previous != nullptr &&
                                         numbers.front() != previous->front() &&
                                         std::all_of(numbers.begin() + 1, numbers.end(), [](int n) { return n <= 1; });
            // Under a chapter the numbers may also start again at 1.
            const bool restarts =
                previous == &chapter && std::all_of(numbers.begin(), numbers.end(), [](int n) { return n <= 1; });
            if (previous != nullptr && !appendix_starts && !restarts && !follows_on(*previous, numbers)) {
                demote(items, i, lines);
                continue;
            }
            previous = &items[i].cue.numbers;
        }
        return;
    }
    for (Item& item : items) {
        if (item.heading && !item.cue.numbers.empty()) {
            item.cue.numbers.clear();
            item.strength = item.strength_unnumbered;
        }
    }
}

/// A lone short word in capitals ("FAQ", "RENT") is set in capitals only where longer headings
/// are too; elsewhere it is a name, set like the document's other headings. A line with no
/// cased letter at all is set in capitals where other headings are.
void settle_acronyms(std::vector<Item>& items)
{
    const bool caps_headings = std::any_of(items.begin(), items.end(), [](const Item& item) {
        return item.heading && !item.acronym && item.cue.style.rfind("caps", 0) == 0;
    });
    for (Item& item : items) {
        if (!item.heading) {
            continue;
        }
        if (!caps_headings && item.acronym && item.cue.style.rfind("caps", 0) == 0) {
            item.cue.style.replace(0, 4, "mixed");
            item.strength = item.strength == Cue::strong ? Cue::title : item.strength;
        } else if (caps_headings && item.uncased && item.cue.style.rfind("mixed", 0) == 0) {
            // A line without cased letters ("[2.4.0] - 2024-11-02") fits the capitals around it.
            item.cue.style.replace(0, 5, "caps");
        }
    }
}

/// Section numbers on most headings, with subsections numbered too or few lines without a
/// number: then an unnumbered line is text, unless it names a conventional section or is a
/// short heading of the front or back matter ("Status of This Memo", "Credits"), before the
/// first numbered heading or after the last.
bool is_numbered_document(const std::vector<Item>& items)
{
    std::size_t numbered = 0;
    std::size_t unnumbered = 0;
    std::size_t deepest = 0;
    for (std::size_t i = 1; i < items.size(); ++i) {
        if (!items[i].heading) {
            continue;
        }
        const std::size_t depth = items[i].cue.numbers.size();
        (depth > 0 ? numbered : unnumbered) += 1;
        deepest = std::max(deepest, depth);
    }
    return numbered >= 3 && (deepest >= 2 || numbered >= 2 * unnumbered);
}

/// Lines that begin with the same label ("INTERVIEWER: ...", "Q: ...") are turns of a
/// conversation or fields of a form, not sections.
void demote_repeated_labels(std::vector<Item>& items, const std::vector<Line>& lines)
{
    std::map<std::string, int> uses;
    auto label_of = [](const Item& item) {
        const std::size_t colon = item.cue.text.find(": ");
        return colon == std::string::npos || !item.cue.numbers.empty() ? std::string()
                                                                       : ascii_lower(item.cue.text.substr(0, colon));
    };
    for (const Item& item : items) {
        if (item.heading) {
            ++uses[label_of(item)];
        }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].heading && items[i].strength != Cue::explicit_mark) {
            const std::string label = label_of(items[i]);
            if (!label.empty() && uses[label] >= 2) {
                demote(items, i, lines);
            }
        }
    }
}

} // namespace

/// Applies the context rules: candidates that their surroundings show to be text are demoted.
void filter_headings(std::vector<Item>& items, const std::vector<Line>& lines)
{
    drop_inconsistent_numbers(items, lines);
    settle_acronyms(items);
    std::size_t explicit_count = 0;
    std::size_t other_count = 0;
    for (std::size_t i = 1; i < items.size(); ++i) { // the first may be a title, set any way
        if (items[i].heading) {
            const bool marked = items[i].strength == Cue::explicit_mark && items[i].cue.numbers.empty();
            (marked ? explicit_count : other_count) += 1;
        }
    }
    // Underlines or outdents on most headings: lines without one are text. (Numbered documents
    // keep unnumbered sections such as "Troubleshooting" or "References".)
    const bool explicit_document = explicit_count >= 3 || (explicit_count == 2 && other_count <= 2);
    const bool numbered_document = is_numbered_document(items);
    std::size_t first_numbered = items.size();
    std::size_t last_numbered = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].heading && !items[i].cue.numbers.empty()) {
            first_numbered = std::min(first_numbered, i);
            last_numbered = i;
        }
    }
    demote_repeated_labels(items, lines);

    // A tagline above the title ("A novel in five chapters") is not the title: the title under
    // it opens straight into the first section (a first section would have text).
    // A title over- and underlined in a style no section uses, under an unadorned line, is the
    // title whatever follows.
    const bool opens_section =
        items.size() >= 3 && items[2].heading && items[0].strength == Cue::weak && items[1].strength != Cue::weak;
    const bool overlined_below =
        items.size() >= 2 && items[0].strength != Cue::explicit_mark && items[1].cue.style[0] == 'o' &&
        std::none_of(items.begin() + 2, items.end(),
                     [&](const Item& item) { return item.heading && item.cue.style == items[1].cue.style; });
    if (items.size() >= 2 && items[0].heading && items[1].heading && items[0].standalone && items[1].standalone &&
        items[1].cue.numbers.empty() && items[1].cue.marker_depth == 0 && (opens_section || overlined_below)) {
        demote(items, 0, lines);
    }
    const std::size_t title = title_position(items);
    // A byline under the title ("by A. N. Author") above the first marked heading is text.
    if (title + 2 < items.size() && items[title + 1].heading && items[title + 1].standalone &&
        items[title + 1].strength == Cue::weak && items[title + 2].heading && items[title + 2].strength != Cue::weak) {
        demote(items, title + 1, lines);
    }

    // Runs of standalone unmarked candidates with no text between them are lists.
    for (std::size_t i = 0; i < items.size();) {
        std::size_t end = i;
        while (end < items.size() && items[end].heading && items[end].standalone && items[end].strength == Cue::weak) {
            ++end;
        }
        if (end - i >= 3) {
            for (std::size_t j = i; j < end; ++j) {
                demote(items, j, lines);
            }
        }
        i = std::max(end, i + 1);
    }

    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].heading) {
            continue;
        }
        const Item& item = items[i];
        if (is_contents_label(item.cue.text)) {
            demote(items, i, lines); // names the list below it, not a section
            continue;
        }
        if (i == title && !(item.standalone && item.strength == Cue::weak && !heads_text(items, i))) {
            continue; // the title may be set any way
        }
        const bool unmarked = item.strength == Cue::title || item.strength == Cue::weak;
        // Below the title, sentence case past nine words reads as a sentence without its stop.
        if (item.strength == Cue::weak && item.cue.words > k_max_plain_words && item.cue.text.back() != '?') {
            demote(items, i, lines);
            continue;
        }
        const bool top_name = is_top_level_name(item.cue.text);
        const bool front_or_back = numbered_document && item.standalone && item.cue.words <= 4 &&
                                   (i < first_numbered || i > last_numbered) && heads_text(items, i);
        if ((explicit_document || (numbered_document && !front_or_back)) && unmarked && !top_name &&
            item.cue.numbers.empty()) {
            demote(items, i, lines);
            continue;
        }
        if (!unmarked) {
            continue;
        }
        if (i > 0 && !items[i - 1].heading && ends_with_colon(items[i - 1].paragraph)) {
            demote(items, i, lines);
            continue;
        }
        // An unmarked line alone must head something: text must follow, perhaps after more headings.
        if (item.standalone && item.strength == Cue::weak && !heads_text(items, i)) {
            demote(items, i, lines);
            continue;
        }
        // A short line between a heading and a more marked heading is the first one's text
        // ("Week 7: Spring break" / "No classes" / "Weeks 8-10: ..."), and a label word over
        // code ("Example", "Output") captions it.
        const bool between = i > 0 && items[i - 1].heading && i + 1 < items.size() && items[i + 1].heading &&
                             item.strength == Cue::weak && items[i + 1].strength != Cue::weak;
        // A line that closes its section (a signature, an author under a poem) has text before
        // it and, after it, a heading in capitals, numbered or underlined while it is in mixed
        // case, so it can head nothing; nor can a
        // line set apart just before a heading that runs into its text (a section of the same
        // rank). And an unmarked line holding a date is a dateline.
        const bool next_heading = i + 1 < items.size() && items[i + 1].heading;
        const bool closes = item.standalone && !item.uncased && !top_name && !item.cue.label && i > 0 &&
                            !items[i - 1].heading && next_heading &&
                            ((is_unmarked(item.strength) && !is_unmarked(items[i + 1].strength)) ||
                             (items[i + 1].cue.lead && !item.cue.lead && items[i + 1].strength == item.strength));
        const bool dateline =
            item.dated && item.cue.numbers.empty() && !item.uncased && !has_point_number(item.cue.text);
        const bool statement = is_unmarked(item.strength) && reads_as_statement(item.cue.text);
        const bool caption = item.standalone && i + 1 < items.size() && !items[i + 1].heading &&
                             !items[i + 1].paragraph.code.empty() && is_caption_word(item.cue.text);
        if (between || caption || closes || dateline || statement) {
            demote(items, i, lines);
        }
    }

    // A heading directly followed by another opens it; one followed by a paragraph has text.
    for (std::size_t i = 0; i + 1 < items.size(); ++i) {
        items[i].cue.opens = items[i].heading && items[i + 1].heading;
        items[i].cue.has_text = items[i].heading && !items[i + 1].heading;
    }
}

/// Whether the first heading, items[title], names the document. A label ("Chapter 6: Soups")
/// does when no other heading has its keyword: a chapter printed on its own, not a book.
bool is_title(const std::vector<Item>& items, std::size_t title)
{
    const HeadingCue& heading = items[title].cue;
    if (!heading.numbers.empty() || heading.marker_depth > 1 || is_top_level_name(heading.text)) {
        return false;
    }
    if (!heading.label) {
        return true;
    }
    const std::string keyword = heading.style;
    return std::none_of(items.begin() + static_cast<std::ptrdiff_t>(title) + 1, items.end(),
                        [&keyword](const Item& item) { return item.heading && item.cue.style == keyword; });
}

} // namespace kosh::plain_text
