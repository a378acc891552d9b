// reStructuredText inline markup reduced to the text a reader of the rendered page sees.
//
// Markup is recognised by docutils' rules for start- and end-strings (see strip_rest_inline).
// An end-string is valid or not by its neighbours alone, so the next valid end of each kind is
// found for every position in one pass from the right; matching a start-string is then a table
// look-up, and a paragraph full of unmatched '*' or '`' still costs linear time.
#include "parse/rest_inline.h"

#include <cstring>
#include <vector>

namespace kosh {

namespace {

constexpr std::size_t k_none = std::string_view::npos;
constexpr std::size_t k_max_name = 64;       // longest role, footnote or substitution label looked at
constexpr std::size_t k_max_reference = 256; // longest `name_` reference walked back over

bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_one_of(char c, const char* set)
{
    return c != '\0' && std::strchr(set, c) != nullptr;
}

/// A start-string may follow white space or one of these.
bool may_precede_start(char c)
{
    return is_space(c) || is_one_of(c, "-:/'\"<([{");
}

/// An end-string may be followed by white space or one of these.
bool may_follow_end(char c)
{
    return is_space(c) || is_one_of(c, "-.,:;!?\\/'\")]}>");
}

/// "(*)" is not emphasis: markup inside a pair of brackets or quotes is taken as plain text.
char closer_of(char c)
{
    switch (c) {
    case '\'': return '\'';
    case '"': return '"';
    case '<': return '>';
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    default: return '\0';
    }
}

std::size_t count_newlines(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        count += c == '\n' ? 1 : 0;
    }
    return count;
}

/// Backslash escapes resolved: "\*" -> "*"; an escaped space disappears; an escaped line break stays.
std::string unescape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (i + 1 >= text.size()) {
            break;
        }
        const char next = text[++i];
        if (next != ' ' && next != '\t') {
            out += next;
        }
    }
    return out;
}

std::string_view trim_spaces(std::string_view text)
{
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// What `:role:\`content\`` or `` `content`_ `` shows: the title of "title <target>", the target
/// alone for "<target>", and Sphinx's cross-reference forms ("~os.path.join" shows "join", a
/// leading "!" is dropped).
std::string visible_text(std::string_view role, std::string_view content)
{
    std::string text = unescape(content);
    if (!text.empty() && text.back() == '>') {
        const std::size_t open = text.rfind('<');
        if (open == 0) {
            return text.substr(1, text.size() - 2);
        }
        if (open != std::string::npos && is_space(text[open - 1])) {
            const std::string_view title = trim_spaces(std::string_view(text).substr(0, open));
            if (!title.empty()) {
                return std::string(title);
            }
        }
    }
    if (role == "math" || role == "code" || role == "literal" || role == "samp" || role == "kbd") {
        return text;
    }
    if (!text.empty() && text.front() == '!') {
        text.erase(0, 1);
    }
    if (!text.empty() && text.front() == '~') {
        text.erase(0, 1);
        const std::size_t stop = text.find('(');
        const std::size_t dot = text.rfind('.', stop == std::string::npos ? std::string::npos : stop);
        if (dot != std::string::npos && dot + 1 < text.size()) {
            text.erase(0, dot + 1);
        }
    }
    return text;
}

class InlineStripper {
public:
    InlineStripper(std::string_view text, const RestSubstitutions& substitutions)
        : m_text(text), m_n(text.size()), m_substitutions(substitutions)
    {
        find_escapes();
        find_ends();
    }

    std::string run()
    {
        m_out.reserve(m_n);
        std::size_t i = 0;
        while (i < m_n) {
            i = step(i);
        }
        return std::move(m_out);
    }

private:
    char at(std::size_t i) const { return i < m_n ? m_text[i] : '\0'; }

    void find_escapes()
    {
        m_escaped.assign(m_n + 1, false);
        for (std::size_t i = 1; i < m_n; ++i) {
            m_escaped[i] = m_text[i - 1] == '\\' && !m_escaped[i - 1];
        }
    }

    bool end_follows_at(std::size_t after) const { return after >= m_n || may_follow_end(m_text[after]); }

    /// End of a simple reference name or role name starting at `from` (alphanumerics joined by
    /// single "-_.+:"), or k_none when there is none or it is implausibly long.
    std::size_t simplename_end(std::size_t from) const
    {
        if (!is_alnum(at(from))) {
            return k_none;
        }
        std::size_t end = from;
        while (end < m_n && end - from <= k_max_name) {
            if (is_alnum(m_text[end])) {
                ++end;
            } else if (is_one_of(m_text[end], "-_.+:") && is_alnum(at(end + 1))) {
                end += 2;
            } else {
                break;
            }
        }
        return end - from > k_max_name ? k_none : end;
    }

    /// Where markup that closes with the backtick at `j` really ends: past a ":role:" or "_"/"__"
    /// suffix; k_none when the backtick cannot close interpreted text.
    std::size_t interpreted_end_after(std::size_t j) const
    {
        if (m_escaped[j] || j == 0 || is_space(m_text[j - 1]) || m_text[j - 1] == '`' || at(j + 1) == '`') {
            return k_none;
        }
        std::size_t after = j + 1;
        if (at(after) == ':') {
            const std::size_t name_end = simplename_end(after + 1);
            if (name_end != k_none && at(name_end) == ':') {
                after = name_end + 1;
            }
        } else if (at(after) == '_') {
            after += at(after + 1) == '_' ? 2 : 1;
        }
        return end_follows_at(after) ? after : k_none;
    }

    std::size_t substitution_end_after(std::size_t j) const
    {
        if (m_escaped[j] || j == 0 || is_space(m_text[j - 1])) {
            return k_none;
        }
        std::size_t after = j + 1;
        if (at(after) == '_') {
            after += at(after + 1) == '_' ? 2 : 1;
        }
        return end_follows_at(after) ? after : k_none;
    }

    void find_ends()
    {
        m_next_literal.assign(m_n + 2, k_none);
        m_next_interpreted.assign(m_n + 2, k_none);
        m_next_strong.assign(m_n + 2, k_none);
        m_next_emphasis.assign(m_n + 2, k_none);
        m_next_substitution.assign(m_n + 2, k_none);
        m_after.assign(m_n + 1, k_none);
        for (std::size_t j = m_n; j-- > 0;) {
            m_next_literal[j] = m_next_literal[j + 1];
            m_next_interpreted[j] = m_next_interpreted[j + 1];
            m_next_strong[j] = m_next_strong[j + 1];
            m_next_emphasis[j] = m_next_emphasis[j + 1];
            m_next_substitution[j] = m_next_substitution[j + 1];
            const char c = m_text[j];
            const bool after_text = j > 0 && !is_space(m_text[j - 1]);
            if (c == '`') {
                // An inline literal's end is recognised even after a backslash.
                if (after_text && at(j + 1) == '`' && end_follows_at(j + 2)) {
                    m_next_literal[j] = j;
                }
                const std::size_t after = interpreted_end_after(j);
                if (after != k_none) {
                    m_next_interpreted[j] = j;
                    m_after[j] = after;
                }
            } else if (c == '*' && after_text && !m_escaped[j]) {
                if (at(j + 1) == '*' && end_follows_at(j + 2)) {
                    m_next_strong[j] = j;
                }
                if (end_follows_at(j + 1)) {
                    m_next_emphasis[j] = j;
                }
            } else if (c == '|') {
                const std::size_t after = substitution_end_after(j);
                if (after != k_none) {
                    m_next_substitution[j] = j;
                    m_after[j] = after;
                }
            }
        }
    }

    /// True when a start-string of `length` bytes at `i` may open markup.
    bool can_start(std::size_t i, std::size_t length) const
    {
        if (m_escaped[i] || i + length >= m_n || is_space(m_text[i + length])) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        const char before = m_text[i - 1];
        return may_precede_start(before) && closer_of(before) != m_text[i + length];
    }

    /// Appends `kept` in place of text[begin, end), then the line breaks the dropped part had.
    void replace(std::string_view kept, std::size_t begin, std::size_t end)
    {
        m_out += kept;
        const std::size_t lost = count_newlines(m_text.substr(begin, end - begin)) - count_newlines(kept);
        m_out.append(lost, '\n');
    }

    std::size_t step(std::size_t i)
    {
        const char c = m_text[i];
        std::size_t next = k_none;
        switch (c) {
        case '\\': return escape(i);
        case '`': next = at(i + 1) == '`' ? inline_literal(i) : interpreted(i, i, {}); break;
        case ':': next = role_first(i); break;
        case '*': next = at(i + 1) == '*' ? strong(i) : emphasis(i); break;
        case '|': next = substitution(i); break;
        case '[': next = footnote_reference(i); break;
        case '_': next = at(i + 1) == '`' ? inline_target(i) : reference_underscores(i); break;
        default: break;
        }
        if (next != k_none) {
            return next;
        }
        m_out += c;
        return i + 1;
    }

    std::size_t escape(std::size_t i)
    {
        const char next = at(i + 1);
        if (next == '\n') {
            m_out += '\n';
        } else if (next != ' ' && next != '\t' && next != '\0') {
            m_out += next;
        }
        return std::min(i + 2, m_n);
    }

    std::size_t inline_literal(std::size_t i)
    {
        if (!can_start(i, 2) || i + 3 > m_n) {
            return k_none;
        }
        const std::size_t end = m_next_literal[i + 3];
        if (end == k_none) {
            return k_none;
        }
        m_out += m_text.substr(i + 2, end - i - 2);
        return end + 2;
    }

    /// `content` with its backtick at `tick`, for markup that began at `begin` (a ":role:" prefix).
    std::size_t interpreted(std::size_t begin, std::size_t tick, std::string_view role)
    {
        if (!can_start(tick, 1) || (begin < tick && !can_start_role(begin))) {
            return k_none;
        }
        const std::size_t end = m_next_interpreted[tick + 2];
        if (end == k_none) {
            return k_none;
        }
        const std::size_t after = m_after[end];
        std::string_view suffix_role;
        if (at(end + 1) == ':') {
            suffix_role = m_text.substr(end + 2, after - end - 3);
        }
        const std::string shown =
            visible_text(role.empty() ? suffix_role : role, m_text.substr(tick + 1, end - tick - 1));
        replace(shown, begin, after);
        return after;
    }

    bool can_start_role(std::size_t colon) const
    {
        return !m_escaped[colon] && (colon == 0 || may_precede_start(m_text[colon - 1]));
    }

    std::size_t role_first(std::size_t i)
    {
        const std::size_t name_end = simplename_end(i + 1);
        if (name_end == k_none || at(name_end) != ':' || at(name_end + 1) != '`' || at(name_end + 2) == '`') {
            return k_none;
        }
        return interpreted(i, name_end + 1, m_text.substr(i + 1, name_end - i - 1));
    }

    std::size_t strong(std::size_t i)
    {
        if (!can_start(i, 2) || i + 3 > m_n) {
            return k_none;
        }
        const std::size_t end = m_next_strong[i + 3];
        if (end == k_none) {
            return k_none;
        }
        replace(unescape(m_text.substr(i + 2, end - i - 2)), i, end + 2);
        return end + 2;
    }

    std::size_t emphasis(std::size_t i)
    {
        if (!can_start(i, 1)) {
            return k_none;
        }
        const std::size_t end = m_next_emphasis[i + 2];
        if (end == k_none) {
            return k_none;
        }
        replace(unescape(m_text.substr(i + 1, end - i - 1)), i, end + 1);
        return end + 1;
    }

    std::size_t substitution(std::size_t i)
    {
        if (!can_start(i, 1)) {
            return k_none;
        }
        const std::size_t end = m_next_substitution[i + 2];
        if (end == k_none || end - i - 1 > k_max_name) {
            return k_none;
        }
        const std::string_view name = m_text.substr(i + 1, end - i - 1);
        const auto found = m_substitutions.find(rest_substitution_key(name));
        if (found != m_substitutions.end()) {
            replace(found->second, i, m_after[end]);
        } else {
            replace(name, i, m_after[end]);
        }
        return m_after[end];
    }

    /// "[1]_", "[#note]_", "[*]_" and "[CIT2002]_" are dropped with the space before them.
    std::size_t footnote_reference(std::size_t i)
    {
        if (!can_start(i, 1)) {
            return k_none;
        }
        std::size_t close = i + 1;
        while (close < m_n && close - i <= k_max_name &&
               (is_alnum(m_text[close]) || is_one_of(m_text[close], "#*_-.+"))) {
            ++close;
        }
        if (at(close) != ']' || close == i + 1 || at(close + 1) != '_' || !end_follows_at(close + 2)) {
            return k_none;
        }
        if (!m_out.empty() && (m_out.back() == ' ' || m_out.back() == '\t')) {
            m_out.pop_back();
        }
        return close + 2;
    }

    std::size_t inline_target(std::size_t i)
    {
        if (!can_start(i, 2) || i + 3 > m_n) {
            return k_none;
        }
        const std::size_t end = m_next_interpreted[i + 3];
        if (end == k_none || m_after[end] != end + 1) {
            return k_none;
        }
        replace(unescape(m_text.substr(i + 2, end - i - 2)), i, end + 1);
        return end + 1;
    }

    /// The "_" or "__" ending a reference like "docutils_": dropped when the name before it
    /// is a whole simple name (so "__init__" and "snake_case" stay).
    std::size_t reference_underscores(std::size_t i)
    {
        if (m_escaped[i] || i == 0 || !is_alnum(m_text[i - 1])) {
            return k_none;
        }
        const std::size_t after = at(i + 1) == '_' ? i + 2 : i + 1;
        if (!end_follows_at(after)) {
            return k_none;
        }
        std::size_t start = i - 1;
        while (start > 0 && i - start < k_max_reference) {
            const char before = m_text[start - 1];
            if (is_alnum(before)) {
                --start;
            } else if (is_one_of(before, "-_.+:") && start >= 2 && is_alnum(m_text[start - 2])) {
                --start;
            } else {
                break;
            }
        }
        if (start > 0 && (!may_precede_start(m_text[start - 1]) || m_escaped[start])) {
            return k_none;
        }
        return after;
    }

    std::string_view m_text;
    std::size_t m_n;
    const RestSubstitutions& m_substitutions;
    std::vector<bool> m_escaped;
    std::vector<std::size_t> m_next_literal;
    std::vector<std::size_t> m_next_interpreted;
    std::vector<std::size_t> m_next_strong;
    std::vector<std::size_t> m_next_emphasis;
    std::vector<std::size_t> m_next_substitution;
    std::vector<std::size_t> m_after; // past a closing '`' or '|' and its suffix
    std::string m_out;
};

} // namespace

std::string rest_substitution_key(std::string_view name)
{
    std::string key;
    bool space = false;
    for (const char c : trim_spaces(name)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) {
            key += ' ';
            space = false;
        }
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

std::string strip_rest_inline(std::string_view text, const RestSubstitutions& substitutions)
{
    return InlineStripper(text, substitutions).run();
}

} // namespace kosh
