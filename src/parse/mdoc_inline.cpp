// mdoc(7)'s in-line macros ("Fl", "Ar", "Op", "Xr"...) rendered as the text a reader sees.
#include "parse/mdoc_inline.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kosh {

namespace {

/// Macros whose arguments are text, perhaps with a prefix or around brackets.
constexpr std::array<std::string_view, 78> k_text_macros{
    "Ad", "An", "Ap", "Ar", "At", "Bc", "Bo", "Bq", "Brc", "Bro", "Brq", "Bsx", "Bx", "Cd", "Cm", "D1",
    "Dc", "Dl", "Do", "Dq", "Dv", "Dx", "Em", "Er", "Es",  "Ev",  "Ex",  "Fa",  "Fc", "Fl", "Fn", "Fo",
    "Fr", "Ft", "Fx", "Ic", "In", "Lb", "Li", "Lk", "Me",  "Ms",  "Mt",  "Nm",  "No", "Ns", "Nx", "Oc",
    "Oo", "Op", "Ot", "Ox", "Pa", "Pc", "Pf", "Po", "Pq",  "Qc",  "Ql",  "Qo",  "Qq", "Rv", "Sc", "So",
    "Sq", "St", "Sx", "Sy", "Ta", "Tn", "Ux", "Va", "Vt",  "Xr",  "%A",  "%B",  "%T", "%J",
};

/// Opening macros and the text they put before and after their arguments.
struct Enclosure {
    std::string_view macro;
    std::string_view open;
    std::string_view close;
    bool to_line_end; // "Op": closes at the end of the line; "Oo": at its "Oc"
};

constexpr std::array<Enclosure, 16> k_enclosures{{
    {"Op", "[", "]", true},
    {"Oo", "[", "]", false},
    {"Bq", "[", "]", true},
    {"Bo", "[", "]", false},
    {"Brq", "{", "}", true},
    {"Bro", "{", "}", false},
    {"Pq", "(", ")", true},
    {"Po", "(", ")", false},
    {"Dq", "\u201c", "\u201d", true},
    {"Do", "\u201c", "\u201d", false},
    {"Qq", "\"", "\"", true},
    {"Qo", "\"", "\"", false},
    {"Sq", "\u2018", "\u2019", true},
    {"So", "\u2018", "\u2019", false},
    {"Ql", "\u2018", "\u2019", true},
    {"Aq", "\u27e8", "\u27e9", true},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_closers{{
    {"Oc", "]"},
    {"Bc", "]"},
    {"Brc", "}"},
    {"Pc", ")"},
    {"Dc", "\u201d"},
    {"Qc", "\""},
    {"Sc", "\u2019"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> k_system_names{{
    {"Bx", "BSD"},
    {"Bsx", "BSD/OS"},
    {"Dx", "DragonFly"},
    {"Fx", "FreeBSD"},
    {"Nx", "NetBSD"},
    {"Ox", "OpenBSD"},
    {"Ux", "UNIX"},
    {"At", "AT&T UNIX"},
}};

bool is_closing_punctuation(std::string_view word)
{
    return word.size() == 1 && std::string_view(".,:;)]?!").find(word[0]) != std::string_view::npos;
}

bool is_opening_punctuation(std::string_view word)
{
    return word == "(" || word == "[";
}

/// Words joined with single spaces, except where punctuation or "Ns" says they touch.
class Writer {
public:
    void word(std::string_view text)
    {
        if (text.empty()) {
            return;
        }
        if (!m_out.empty() && !m_no_space && !is_closing_punctuation(text)) {
            m_out += ' ';
        }
        m_out += text;
        m_no_space = is_opening_punctuation(text);
    }
    void opening(std::string_view text)
    {
        word(text);
        m_no_space = true;
    }
    void closing(std::string_view text)
    {
        m_out += text;
        m_no_space = false;
    }
    void join_next() { m_no_space = true; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    bool m_no_space = false;
};

} // namespace

bool is_mdoc_text_macro(std::string_view name)
{
    return std::find(k_text_macros.begin(), k_text_macros.end(), name) != k_text_macros.end() ||
           std::any_of(k_enclosures.begin(), k_enclosures.end(),
                       [name](const Enclosure& enclosure) { return enclosure.macro == name; });
}

std::string render_mdoc_line(const std::vector<RoffArgument>& words, const RoffStrings& strings,
                             std::string_view page_name)
{
    Writer writer;
    std::vector<std::string_view> line_end_closers;
    std::string_view current; // the macro whose arguments are being read
    std::size_t arguments_of_current = 0;
    const auto is_macro = [&](std::size_t i) { return !words[i].quoted && is_mdoc_text_macro(words[i].raw); };
    const auto next_is_argument = [&](std::size_t i) {
        return i + 1 < words.size() && !is_macro(i + 1) && !is_closing_punctuation(words[i + 1].raw);
    };

    for (std::size_t i = 0; i < words.size(); ++i) {
        if (is_macro(i)) {
            current = words[i].raw;
            arguments_of_current = 0;
            const auto enclosure = std::find_if(k_enclosures.begin(), k_enclosures.end(),
                                                [&](const Enclosure& e) { return e.macro == current; });
            const auto closer = std::find_if(k_closers.begin(), k_closers.end(),
                                             [&](const auto& entry) { return entry.first == current; });
            const auto system = std::find_if(k_system_names.begin(), k_system_names.end(),
                                             [&](const auto& entry) { return entry.first == current; });
            if (enclosure != k_enclosures.end()) {
                writer.opening(enclosure->open);
                if (enclosure->to_line_end) {
                    line_end_closers.push_back(enclosure->close);
                }
            } else if (closer != k_closers.end()) {
                writer.closing(closer->second);
            } else if (system != k_system_names.end()) {
                writer.word(system->second);
                if (next_is_argument(i) && current != "At") {
                    writer.join_next(); // ".Bx 4.4": "BSD4.4" reads oddly but keeps the version
                }
            } else if (current == "Ns" || current == "Ap") {
                writer.join_next();
                if (current == "Ap") {
                    writer.closing("'");
                    writer.join_next();
                }
            } else if (current == "Fl" && !next_is_argument(i)) {
                writer.word("-");
            } else if (current == "Nm" && !next_is_argument(i)) {
                writer.word(page_name);
            } else if (current == "Ar" && !next_is_argument(i)) {
                writer.word("file ...");
            } else if (current == "Xr" && next_is_argument(i)) {
                std::string reference = render_roff_escapes(words[++i].raw, strings);
                if (next_is_argument(i)) {
                    reference += "(" + render_roff_escapes(words[++i].raw, strings) + ")";
                }
                writer.word(reference);
            } else if (current == "Ex") {
                writer.word("The " + std::string(page_name) +
                            " utility exits 0 on success, and >0 if an error occurs.");
                i = words.size();
            } else if (current == "Rv") {
                writer.word("The " + std::string(page_name) +
                            "() function returns the value 0 if successful; otherwise the value -1 is returned and "
                            "the global variable errno is set to indicate the error.");
                i = words.size();
            } else if (current == "Fo" && next_is_argument(i)) {
                writer.word(render_roff_escapes(words[++i].raw, strings) + "(");
                writer.join_next();
            } else if (current == "Fc") {
                writer.closing(")");
            } else if (current == "In" && next_is_argument(i)) {
                writer.word("#include <" + render_roff_escapes(words[++i].raw, strings) + ">");
            }
            continue;
        }
        std::string text = render_roff_escapes(words[i].raw, strings);
        if (words[i].quoted || !is_closing_punctuation(text)) {
            if (current == "Fl") {
                text.insert(text.begin(), '-');
            } else if (current == "St" && text.starts_with("-")) {
                text.erase(0, 1);
            } else if (current == "Fn") {
                // ".Fn open path flags" -> "open(path, flags)"
                if (arguments_of_current == 0) {
                    text += '(';
                    writer.word(text);
                    writer.join_next();
                    line_end_closers.push_back(")");
                } else {
                    writer.join_next();
                    writer.word(arguments_of_current > 1 ? ", " : "");
                    writer.join_next();
                    writer.word(text);
                }
                ++arguments_of_current;
                continue;
            }
            ++arguments_of_current;
            writer.word(text);
        } else {
            writer.word(text);
        }
    }
    for (auto closer = line_end_closers.rbegin(); closer != line_end_closers.rend(); ++closer) {
        writer.closing(*closer);
    }
    return writer.take();
}

} // namespace kosh
