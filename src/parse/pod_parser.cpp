// Turns Perl's Plain Old Documentation (a .pod file, or the POD inside a .pm/.pl) into a Document.
//
// Two steps. First the lines are cut into POD paragraphs: runs of non-blank lines inside POD
// blocks, with the Perl code between blocks skipped. Then each paragraph is read by its first
// line: a command ("=head1 ..."), a verbatim paragraph (indented), or ordinary text. Nothing
// nests on the call stack: "=begin" regions are an explicit stack, "=over" needs no state at
// all (items are text, whatever list they are in), and formatting codes have their own stack.
#include "parse/pod_parser.h"

#include "parse/line_reader.h"
#include "parse/parser.h"
#include "parse/pod_formatting_codes.h"
#include "util/ascii.h"
#include "util/utf8.h"

#include <array>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

namespace kosh {

namespace {

bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// A command paragraph's first line: "=head1 NAME" -> {"head1", "NAME"}.
struct Command {
    std::string_view name;
    std::size_t content_offset = 0; // where the text after the name starts on the line
};

/// The command a line opens, if it does: '=', a letter, then letters or digits up to
/// whitespace or the end ("=head1", "=pod"; not "==" or "=3").
std::optional<Command> command_of(std::string_view line)
{
    if (line.size() < 2 || line[0] != '=' || !is_ascii_letter(line[1])) {
        return std::nullopt;
    }
    std::size_t end = 2;
    while (end < line.size() && (is_ascii_letter(line[end]) || is_ascii_digit(line[end]))) {
        ++end;
    }
    if (end < line.size() && !is_ascii_space(line[end])) {
        return std::nullopt;
    }
    std::size_t content = end;
    while (content < line.size() && is_ascii_space(line[content])) {
        ++content;
    }
    return Command{line.substr(1, end - 1), content};
}

/// perl ends POD at any line starting "=cut", even one with no blank line before it.
bool is_cut(std::string_view line)
{
    return line.substr(0, 4) == "=cut";
}

/// Perl sources, where text before the first command is code. Anything else (.pod) opening
/// with text is read as POD that forgot its "=pod".
bool is_perl_source(std::string_view path)
{
    const std::string extension = ascii_lower(std::filesystem::path(std::string(path)).extension().string());
    return extension == ".pm" || extension == ".pl" || extension == ".pmc" || extension == ".t";
}

bool names_latin1(std::string_view encoding)
{
    const std::string name = ascii_lower(encoding);
    constexpr std::array<std::string_view, 7> k_names{"latin1",     "latin-1", "iso-8859-1",  "iso8859-1",
                                                      "iso_8859-1", "cp1252",  "windows-1252"};
    for (const std::string_view known : k_names) {
        if (name == known) {
            return true;
        }
    }
    return false;
}

bool is_valid_utf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint code_point = decode_utf8(text, i);
        if (code_point.value < 0) {
            return false;
        }
        i += code_point.size;
    }
    return true;
}

/// Latin-1 bytes as UTF-8. (cp1252's extra characters in 0x80-0x9F come out as C1 controls:
/// wrong glyphs for a few quotes, but the words around them are intact.)
std::string latin1_to_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (byte >> 6));
            out += static_cast<char>(0x80 | (byte & 0x3F));
        }
    }
    return out;
}

/// The Latin-1 text as UTF-8 when an "=encoding" line declares Latin-1 and the bytes are not
/// already UTF-8 (a file converted without its declaration being updated); otherwise nothing.
std::optional<std::string> transcode_if_latin1(std::string_view text, const std::vector<Line>& lines)
{
    for (const Line& line : lines) {
        const std::optional<Command> command = command_of(line.text);
        if (command && command->name == "encoding") {
            if (names_latin1(trim(line.text.substr(command->content_offset))) && !is_valid_utf8(text)) {
                return latin1_to_utf8(text);
            }
            return std::nullopt; // one declaration per file; the first one counts
        }
    }
    return std::nullopt;
}

/// A POD paragraph: lines[first..last], none of them blank.
struct Block {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// Cuts the file into POD paragraphs, skipping the code outside "=xxx" ... "=cut".
std::vector<Block> find_pod_paragraphs(const std::vector<Line>& lines, bool starts_in_pod)
{
    std::vector<Block> blocks;
    bool in_pod = starts_in_pod;
    bool open = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        if (!in_pod) {
            // "=cut" outside POD starts nothing: perl and Pod::Simple both skip it.
            if (!command_of(line) || is_cut(line)) {
                continue;
            }
            in_pod = true;
        } else if (is_cut(line)) {
            in_pod = false;
            open = false;
            continue;
        }
        if (is_blank(line)) {
            open = false;
        } else if (open) {
            blocks.back().last = i;
        } else {
            blocks.push_back({i, i});
            open = true;
        }
    }
    return blocks;
}

/// `text` without spaces or tabs at the end of its lines: what is left where an X<> index entry
/// or a Z<> filled a line ("=item -a\nX<-a> X<autosplit>" would leave a line of one space).
std::string without_line_end_space(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n') {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
                out.pop_back();
            }
        }
        out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        out.pop_back();
    }
    return out;
}

/// The paragraph's blank first and last lines dropped, with its line range moved to match.
/// False when nothing but blank lines is left.
bool trim_blank_lines(Paragraph& paragraph)
{
    std::string& text = paragraph.text;
    std::size_t begin = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', begin)) {
        if (!is_blank(std::string_view(text).substr(begin, end - begin))) {
            break;
        }
        begin = end + 1;
        ++paragraph.first_line;
    }
    std::size_t stop = text.size();
    for (std::size_t start = text.rfind('\n'); start != std::string::npos && start >= begin;
         start = start == 0 ? std::string::npos : text.rfind('\n', start - 1)) {
        if (!is_blank(std::string_view(text).substr(start + 1, stop - start - 1))) {
            break;
        }
        stop = start;
        --paragraph.last_line;
    }
    text = text.substr(begin, stop - begin);
    return !is_blank(text);
}

/// An "=begin FORMAT" region being read.
struct Region {
    std::string format;
    bool shown = false; // for a text formatter: "text" or ":text" inside shown regions
    bool data = false;  // "=begin text" holds data paragraphs, kept as written; ":text" holds POD
};

/// Whether a region or "=for" for `format` is meant for a plain-text reader like kosh.
bool is_text_format(std::string_view format)
{
    if (!format.empty() && format.front() == ':') {
        format.remove_prefix(1);
    }
    return ascii_lower(format) == "text";
}

/// The first word of `text` and the offset where what follows it starts.
std::pair<std::string_view, std::size_t> first_word(std::string_view text)
{
    std::size_t end = 0;
    while (end < text.size() && !is_ascii_space(text[end])) {
        ++end;
    }
    std::size_t rest = end;
    while (rest < text.size() && text[rest] != '\n' && is_ascii_space(text[rest])) {
        ++rest;
    }
    return {text.substr(0, end), rest};
}

/// "=item *" or "=item * Label": a bullet, whose marker is no part of the text.
std::string_view without_bullet(std::string_view label)
{
    if (!label.empty() && label.front() == '*' && (label.size() == 1 || is_ascii_space(label[1]))) {
        label.remove_prefix(1);
        while (!label.empty() && label.front() != '\n' && is_ascii_space(label.front())) {
            label.remove_prefix(1);
        }
    }
    return label;
}

/// Reads POD paragraphs in order into a Document.
class PodReader {
public:
    PodReader(const std::vector<Line>& lines, Document& document) : m_lines(lines), m_document(document) {}

    void read(const Block& block)
    {
        // Blocks inside one POD block are apart only by blank lines, and POD after "=cut" starts
        // again with a command: so a verbatim block right after another continues its code.
        const bool follows_code = m_code_open;
        m_code_open = false;
        const std::string_view first = m_lines[block.first].text;
        if (const std::optional<Command> command = command_of(first)) {
            flush_item();
            read_command(block, *command);
        } else if (!shown()) {
            return;
        } else if (in_data_region()) {
            flush_item();
            emit(raw_text(block, 0));
        } else if (is_ascii_space(first.front())) {
            flush_item();
            read_verbatim(block, follows_code);
        } else {
            read_ordinary(render(block, 0));
        }
    }

    void finish()
    {
        flush_item();
        m_document.title = m_title.empty() ? file_stem(m_document.path) : m_title;
    }

private:
    void read_command(const Block& block, const Command& command)
    {
        const std::string_view name = command.name;
        if (name == "begin") {
            const std::string content = raw_text(block, command.content_offset).text;
            const std::string_view format = first_word(content).first;
            const bool shown_here = shown() && is_text_format(format);
            m_regions.push_back({std::string(format), shown_here, format.substr(0, 1) != ":"});
        } else if (name == "end") {
            end_region(first_word(raw_text(block, command.content_offset).text).first);
        } else if (!shown()) {
            return;
        } else if (name == "for") {
            read_for(block, command);
        } else if (name.size() == 5 && name.substr(0, 4) == "head" && name[4] >= '1' && name[4] <= '6') {
            add_heading(collapse_ascii_space(render(block, command.content_offset).text), name[4] - '0' + 1, block);
        } else if (name == "item") {
            Paragraph label = render(block, command.content_offset);
            label.text = std::string(without_bullet(label.text));
            m_item = std::move(label);
        }
        // =pod, =over, =back, =encoding and unknown commands carry no text.
    }

    /// "=for text Some words": one paragraph, for the named formatter only.
    void read_for(const Block& block, const Command& command)
    {
        const std::string_view line = m_lines[block.first].text;
        const auto [format, rest] = first_word(line.substr(command.content_offset));
        if (!is_text_format(format)) {
            return;
        }
        const std::size_t offset = command.content_offset + rest;
        emit(format.front() == ':' ? render(block, offset) : raw_text(block, offset));
    }

    void read_verbatim(const Block& block, bool follows_code)
    {
        Paragraph code = raw_text(block, 0);
        if (follows_code) {
            // Code split by blank lines is still one example: keep it one block.
            Paragraph& previous = m_document.paragraphs.back();
            previous.text.append(static_cast<std::size_t>(code.first_line - previous.last_line), '\n');
            previous.text += code.text;
            previous.last_line = code.last_line;
            previous.code = {ByteSpan{0, previous.text.size()}};
        } else {
            code.code = {ByteSpan{0, code.text.size()}};
            m_document.paragraphs.push_back(std::move(code));
        }
        m_code_open = true;
    }

    void read_ordinary(Paragraph paragraph)
    {
        if (m_awaiting_name && m_title.empty()) {
            m_title = collapse_ascii_space(paragraph.text);
            m_awaiting_name = m_title.empty();
        }
        if (m_item) {
            // An item's label and its first paragraph read as one: "-x\n\nDoes x."
            Paragraph item = std::move(*m_item);
            m_item.reset();
            if (!is_blank(item.text)) {
                item.text.append(static_cast<std::size_t>(paragraph.first_line - item.last_line), '\n');
                item.text += paragraph.text;
                item.last_line = paragraph.last_line;
                paragraph = std::move(item);
            }
        }
        emit(std::move(paragraph));
    }

    void add_heading(std::string text, int level, const Block& block)
    {
        m_awaiting_name = m_document.headings.empty() && level == 2 && ascii_lower(text) == "name";
        if (!text.empty()) {
            m_document.headings.push_back({std::move(text), level, m_lines[block.first].number});
        }
    }

    void end_region(std::string_view format)
    {
        // A mismatched "=end" closes back to the region it names, or nothing when none does.
        for (std::size_t i = m_regions.size(); i-- > 0;) {
            if (m_regions[i].format == format) {
                m_regions.resize(i);
                return;
            }
        }
    }

    bool shown() const { return m_regions.empty() || m_regions.back().shown; }
    bool in_data_region() const { return !m_regions.empty() && m_regions.back().data; }

    /// An "=item" label with no paragraph after it stands alone.
    void flush_item()
    {
        if (m_item) {
            Paragraph label = std::move(*m_item);
            m_item.reset();
            emit(std::move(label));
        }
    }

    void emit(Paragraph paragraph)
    {
        if (trim_blank_lines(paragraph)) {
            m_document.paragraphs.push_back(std::move(paragraph));
        }
    }

    /// The block's lines as written, the first one from byte `offset` on.
    Paragraph raw_text(const Block& block, std::size_t offset) const
    {
        Paragraph paragraph = paragraph_from_lines(m_lines, block.first, block.last);
        paragraph.text.erase(0, std::min(offset, m_lines[block.first].text.size()));
        return paragraph;
    }

    /// The block's text from byte `offset` of its first line, formatting codes rendered.
    Paragraph render(const Block& block, std::size_t offset) const
    {
        Paragraph paragraph = raw_text(block, offset);
        paragraph.text = without_line_end_space(render_formatting_codes(paragraph.text));
        return paragraph;
    }

    const std::vector<Line>& m_lines;
    Document& m_document;
    std::vector<Region> m_regions;
    std::optional<Paragraph> m_item; // an "=item" label waiting for its paragraph
    std::string m_title;
    bool m_awaiting_name = false; // after a leading "=head1 NAME": its paragraph is the title
    bool m_code_open = false;     // the last block read was verbatim
};

} // namespace

Document parse_pod(std::string_view text, std::string path)
{
    std::vector<Line> lines = split_lines(text);
    const std::optional<std::string> transcoded = transcode_if_latin1(text, lines);
    if (transcoded) {
        lines = split_lines(*transcoded);
    }

    Document document;
    document.path = std::move(path);
    PodReader reader(lines, document);
    for (const Block& block : find_pod_paragraphs(lines, !is_perl_source(document.path))) {
        reader.read(block);
    }
    reader.finish();
    assign_sections(document);
    return document;
}

} // namespace kosh
