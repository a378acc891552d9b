// Turns a Unix manual page written in roff, with the man(7) or the mdoc(7) macros, into a Document.
//
// One pass over the lines. A line is text or a request (". name args" or "' name args"); each
// request either changes the reader's few flags (literal mode, a tag expected, a heading
// expected) or gives text. Nothing is a stack but ".Bd" displays, kept as a vector: man's
// ".RS" indentation only moves text right, so it is ignored and cannot nest too deep.
#include "parse/man_parser.h"

#include "parse/line_reader.h"
#include "parse/mdoc_inline.h"
#include "parse/parser.h"
#include "parse/roff_text.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace kosh {

namespace {

/// A request line split: ".BR ls (1)" -> {"BR", "ls (1)"}.
struct Request {
    std::string_view name;
    std::string_view arguments;
};

std::optional<Request> request_of(std::string_view line)
{
    if (line.empty() || (line[0] != '.' && line[0] != '\'')) {
        return std::nullopt;
    }
    std::size_t start = 1;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) {
        ++start;
    }
    std::size_t end = start;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') {
        ++end;
    }
    std::size_t rest = end;
    while (rest < line.size() && (line[rest] == ' ' || line[rest] == '\t')) {
        ++rest;
    }
    return Request{line.substr(start, end - start), line.substr(rest)};
}

std::string trim_end(std::string text)
{
    while (!text.empty() && is_ascii_space(text.back())) {
        text.pop_back();
    }
    return text;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool all_upper(std::string_view text)
{
    return std::none_of(text.begin(), text.end(), [](char c) { return is_ascii_lower(c); });
}

/// What a NAME section's "ls, dir \- list directory contents" says after its dash, and the
/// name in it spelled like `name` in any case ("LS" -> "ls").
struct NameLine {
    std::string spelling;
    std::string description;
};

NameLine read_name_line(std::string_view text, std::string_view name)
{
    NameLine result;
    std::size_t dash = text.find(" - ");
    std::size_t skip = 3;
    if (dash == std::string_view::npos) {
        dash = text.find(" \u2014 ");
        skip = 2 + std::string_view("\u2014").size();
    }
    if (dash == std::string_view::npos) {
        return result;
    }
    result.description = collapse_ascii_space(text.substr(dash + skip));
    std::string_view names = text.substr(0, dash);
    while (!names.empty()) {
        const std::size_t comma = names.find(',');
        const std::string_view candidate = trim(names.substr(0, comma));
        if (ascii_lower(candidate) == ascii_lower(name)) {
            result.spelling = std::string(candidate);
            break;
        }
        names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    }
    return result;
}

class ManReader {
public:
    explicit ManReader(Document& document) : m_document(document) {}

    void read(const std::vector<Line>& lines)
    {
        for (const Line& line : lines) {
            read_line(line);
        }
        finish();
    }

private:
    void read_line(const Line& line)
    {
        if (m_skip_until) {
            const std::optional<Request> request = request_of(line.text);
            if (request && request->name == *m_skip_until) {
                m_skip_until.reset();
            }
            return;
        }
        if (m_skip_braces > 0) {
            skip_conditional_block(line.text);
            return;
        }
        if (const std::optional<Request> request = request_of(line.text)) {
            read_request(*request, line);
            return;
        }
        if (m_in_table_format) {
            m_in_table_format = !trim_end(std::string(without_roff_comment(line.text))).ends_with('.');
            return;
        }
        const std::string_view raw = without_roff_comment(line.text);
        if (!m_literal && is_blank(raw)) {
            end_paragraph(); // a blank line in filled text is a paragraph break, as ".sp"
            return;
        }
        std::string text = render_roff_escapes(raw, m_strings);
        if (m_in_table) {
            text = table_row(std::move(text));
        }
        add_text(line.number, m_literal ? trim_end(std::move(text)) : std::string(trim(text)));
    }

    void read_request(const Request& request, const Line& line)
    {
        const std::string_view name = request.name;
        const std::string_view raw_arguments = without_roff_comment(request.arguments);
        if (name.empty() || name.starts_with('\\')) {
            return; // "." alone, or a comment (".\"", ".\#")
        }
        if (is_one_of(name, {"if", "ie", "el", "while"})) {
            skip_conditional_block(raw_arguments);
            return;
        }
        if (is_one_of(name, {"de", "de1", "am", "am1", "ig"})) {
            // A macro definition or ignored block runs to ".." or the end name given.
            const std::vector<RoffArgument> arguments = split_roff_arguments(raw_arguments);
            const std::size_t end_index = name == "ig" ? 0 : 1;
            m_skip_until = arguments.size() > end_index ? arguments[end_index].raw : std::string(".");
            return;
        }
        const std::vector<RoffArgument> arguments = split_roff_arguments(raw_arguments);
        if (name == "TH" || name == "Dt") {
            read_title(arguments, line);
        } else if (is_one_of(name, {"SH", "Sh", "SS", "Ss"})) {
            start_heading(arguments, name == "SH" || name == "Sh" ? 2 : 3, line, name.size() == 2 && name[1] == 'h');
        } else if (is_one_of(name, {"PP", "LP", "P", "HP", "sp", "Pp", "Lp", "El", "Bl", "YS"})) {
            end_paragraph();
        } else if (name == "TS" || name == "TE") {
            end_paragraph();
            m_in_table = name == "TS";
            m_in_table_format = name == "TS"; // the options and column formats come first
        } else if (name == "T&") {
            m_in_table_format = true;
        } else if (name == "TP") {
            end_paragraph();
            m_tag_expected = true;
        } else if (name == "TQ") {
            m_tag_expected = true; // another tag for the same text
        } else if (name == "IP") {
            end_paragraph();
            if (!arguments.empty()) {
                add_text(line.number, collapse_ascii_space(render_roff_escapes(arguments[0].raw, m_strings)));
            }
        } else if (name == "It") {
            end_paragraph();
            add_text(line.number, render_mdoc_line(arguments, m_strings, m_page_name));
        } else if (name == "nf" || name == "EX") {
            set_literal(true);
        } else if (name == "fi" || name == "EE") {
            set_literal(false);
        } else if (name == "Bd") {
            const bool literal = std::any_of(arguments.begin(), arguments.end(), [](const RoffArgument& argument) {
                return argument.raw == "-literal" || argument.raw == "-unfilled";
            });
            m_displays.push_back(literal);
            set_literal(literal || m_literal);
        } else if (name == "Ed") {
            if (!m_displays.empty()) {
                m_displays.pop_back();
            }
            set_literal(std::find(m_displays.begin(), m_displays.end(), true) != m_displays.end());
        } else if (name == "ds" && !arguments.empty()) {
            define_string(raw_arguments);
        } else if (is_one_of(name, {"B", "I", "SM", "SB", "OP", "SY"})) {
            read_font_macro(name, arguments, line);
        } else if (name.size() == 2 && is_one_of(name, {"BR", "RB", "BI", "IB", "IR", "RI"})) {
            std::string text;
            for (const RoffArgument& argument : arguments) {
                text += render_roff_escapes(argument.raw, m_strings);
            }
            add_text(line.number, std::string(trim(text)));
        } else if (name == "UR" || name == "MT") {
            m_link = arguments.empty() ? std::string() : render_roff_escapes(arguments[0].raw, m_strings);
        } else if (name == "UE" || name == "ME") {
            std::string text = m_link.empty() ? std::string() : "<" + m_link + ">";
            for (const RoffArgument& argument : arguments) {
                text += render_roff_escapes(argument.raw, m_strings);
            }
            m_link.clear();
            add_text(line.number, std::move(text));
        } else if (name == "Nd") {
            m_description = collapse_ascii_space(render_mdoc_line(arguments, m_strings, m_page_name));
            add_text(line.number, "- " + m_description);
        } else if (name == "Nm" && m_page_name.empty() && !arguments.empty()) {
            m_page_name = render_roff_escapes(arguments[0].raw, m_strings);
            add_text(line.number, render_mdoc_line(arguments, m_strings, m_page_name));
        } else if (name == "Dl") {
            end_paragraph();
            const bool was_literal = m_literal;
            m_literal = true;
            add_text(line.number, render_mdoc_line(arguments, m_strings, m_page_name));
            end_paragraph();
            m_literal = was_literal;
        } else if (is_mdoc_text_macro(name)) {
            std::vector<RoffArgument> words;
            words.reserve(arguments.size() + 1);
            words.push_back({std::string(name), false});
            words.insert(words.end(), arguments.begin(), arguments.end());
            add_text(line.number, render_mdoc_line(words, m_strings, m_page_name));
        }
        // Anything else (".br", ".RS", ".in", ".ft", ".so", ".Os", unknown macros) prints nothing.
    }

    /// ".B text" prints its arguments joined by spaces; ".B" alone sets the font of the next
    /// line, which is read as text anyway. ".OP -o file" is "[-o file]"; ".SY cmd" starts a
    /// synopsis paragraph with the command.
    void read_font_macro(std::string_view name, const std::vector<RoffArgument>& arguments, const Line& line)
    {
        if (name == "SY") {
            end_paragraph();
        }
        std::string text;
        for (const RoffArgument& argument : arguments) {
            if (!text.empty()) {
                text += ' ';
            }
            text += render_roff_escapes(argument.raw, m_strings);
        }
        if (name == "OP" && !text.empty()) {
            text = "[" + text + "]";
        }
        add_text(line.number, std::string(trim(text)));
    }

    /// ".ds name value": value is the rest of the line, a leading '"' dropped.
    void define_string(std::string_view raw_arguments)
    {
        std::size_t end = 0;
        while (end < raw_arguments.size() && !is_ascii_space(raw_arguments[end])) {
            ++end;
        }
        std::string_view value = raw_arguments.substr(end);
        while (!value.empty() && is_ascii_space(value.front())) {
            value.remove_prefix(1);
        }
        if (!value.empty() && value.front() == '"') {
            value.remove_prefix(1);
        }
        m_strings[std::string(raw_arguments.substr(0, end))] = render_roff_escapes(value, m_strings);
    }

    /// ".if cond \{ ... .\}": the block's lines are formatting logic, skipped; braces counted.
    void skip_conditional_block(std::string_view text)
    {
        for (std::size_t i = 0; i + 1 < text.size(); ++i) {
            if (text[i] == '\\') {
                if (text[i + 1] == '{') {
                    ++m_skip_braces;
                } else if (text[i + 1] == '}' && m_skip_braces > 0) {
                    --m_skip_braces;
                }
                ++i;
            }
        }
    }

    void read_title(const std::vector<RoffArgument>& arguments, const Line& line)
    {
        if (m_title_line != 0 || !m_document.headings.empty() || arguments.empty()) {
            return; // one title, before any section
        }
        end_paragraph();
        m_title_name = collapse_ascii_space(render_roff_escapes(arguments[0].raw, m_strings));
        if (arguments.size() > 1) {
            m_title_section = collapse_ascii_space(render_roff_escapes(arguments[1].raw, m_strings));
        }
        if (!m_title_name.empty()) {
            m_title_line = line.number;
        }
    }

    void start_heading(const std::vector<RoffArgument>& arguments, int level, const Line& line, bool mdoc)
    {
        end_paragraph();
        set_literal(false);
        m_displays.clear();
        m_heading_level = level;
        std::string text;
        if (mdoc) {
            text = render_mdoc_line(arguments, m_strings, m_page_name);
        } else {
            for (const RoffArgument& argument : arguments) {
                if (!text.empty()) {
                    text += ' ';
                }
                text += render_roff_escapes(argument.raw, m_strings);
            }
        }
        text = collapse_ascii_space(text);
        m_heading_expected = text.empty(); // ".SH" alone: the next text line is its name
        if (!text.empty()) {
            add_heading(std::move(text), line.number);
        }
    }

    void add_heading(std::string text, int line)
    {
        m_in_name_section = m_heading_level == 2 && ascii_lower(text) == "name";
        m_document.headings.push_back({std::move(text), m_heading_level, line});
    }

    void set_literal(bool literal)
    {
        if (literal != m_literal) {
            end_paragraph();
            m_literal = literal;
        }
    }

    /// ".TS" table rows: cells apart by tabs, "T{"/"T}" around long cells.
    static std::string table_row(std::string text)
    {
        for (const std::string_view marker : {"T{", "T}"}) {
            for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
                text.erase(at, 2);
            }
        }
        std::replace(text.begin(), text.end(), '\t', ' ');
        return text;
    }

    /// One line of text at source line `number`. Lines between it and the paragraph's last one
    /// (requests that printed nothing) become empty lines, so the line count stays exact.
    void add_text(int number, std::string text)
    {
        if (is_blank(text)) {
            return;
        }
        if (m_heading_expected) {
            m_heading_expected = false;
            add_heading(collapse_ascii_space(text), number);
            return;
        }
        if (m_tag_expected) {
            m_tag_expected = false;
            if (m_open && !m_open_is_tag_only) {
                end_paragraph(); // ".TQ" after body text: a new item after all
            }
            m_open_is_tag_only = true;
        } else {
            m_open_is_tag_only = false;
        }
        if (!m_open) {
            m_paragraph = Paragraph{};
            m_paragraph.first_line = number;
            m_paragraph.text = std::move(text);
            m_open = true;
        } else {
            m_paragraph.text.append(static_cast<std::size_t>(number - m_paragraph.last_line), '\n');
            m_paragraph.text += text;
        }
        m_paragraph.last_line = number;
    }

    void end_paragraph()
    {
        if (!m_open) {
            return;
        }
        m_open = false;
        m_open_is_tag_only = false;
        if (m_literal) {
            m_paragraph.code = {ByteSpan{0, m_paragraph.text.size()}};
        }
        if (m_in_name_section && m_name_text.empty()) {
            m_name_text = m_paragraph.text;
        }
        m_document.paragraphs.push_back(std::move(m_paragraph));
    }

    void finish()
    {
        end_paragraph();
        if (m_title_line == 0) {
            m_document.title = file_stem(m_document.path);
            return;
        }
        const NameLine name_line = read_name_line(collapse_ascii_space(m_name_text), m_title_name);
        std::string name = m_title_name;
        if (all_upper(name)) {
            if (!name_line.spelling.empty()) {
                name = name_line.spelling;
            } else if (ascii_lower(m_page_name) == ascii_lower(name)) {
                name = m_page_name; // mdoc: ".Dt LS 1" and ".Nm ls"
            }
        }
        std::string title = m_title_section.empty() ? name : name + "(" + m_title_section + ")";
        const std::string& description = m_description.empty() ? name_line.description : m_description;
        if (!description.empty()) {
            title += " - " + description;
        }
        m_document.title = title;
        m_document.headings.insert(m_document.headings.begin(), Heading{std::move(title), 1, m_title_line});
    }

    Document& m_document;
    RoffStrings m_strings;
    Paragraph m_paragraph;
    bool m_open = false;
    bool m_open_is_tag_only = false; // the open paragraph holds only ".TP" tags so far
    bool m_literal = false;
    bool m_tag_expected = false;
    bool m_heading_expected = false;
    bool m_in_table = false;
    bool m_in_table_format = false;
    bool m_in_name_section = false;
    int m_heading_level = 2;
    int m_skip_braces = 0;
    std::optional<std::string> m_skip_until; // the end name of a ".de" or ".ig" block
    std::vector<bool> m_displays;            // open ".Bd" displays: literal or not
    std::string m_link;
    std::string m_title_name;
    std::string m_title_section;
    int m_title_line = 0;
    std::string m_name_text;   // the NAME section's first paragraph
    std::string m_description; // mdoc's ".Nd"
    std::string m_page_name;   // mdoc's first ".Nm" argument
};

} // namespace

Document parse_man(std::string_view text, std::string path)
{
    Document document;
    document.path = std::move(path);
    ManReader reader(document);
    reader.read(split_lines(text));
    assign_sections(document);
    return document;
}

} // namespace kosh
