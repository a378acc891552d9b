// The printer interface: search code pushes results in, a printer writes them in one format.
#pragma once

#include "search/result.h"
#include "util/path_forms.h"

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

namespace kosh {

enum class OutputFormat { text, json, tsv, trec };

/// The --format names, in OutputFormat's order: parse_output_format, the error that lists them and
/// the shell completions all read this one list.
inline constexpr std::array<std::string_view, 4> k_output_format_names = {"text", "json", "tsv", "trec"};

/// Between the parts of a heading path in the text and TSV formats: " › ".
constexpr std::string_view k_section_separator = " \xE2\x80\xBA ";
enum class Color { yes, no };

/// Parses one of k_output_format_names; nullopt for anything else.
[[nodiscard]] std::optional<OutputFormat> parse_output_format(std::string_view name);

/// Receives the results of one command in order. `begin` once, `print` per question, `finish` once.
class Printer {
public:
    virtual ~Printer() = default;
    virtual void begin() {}
    virtual void print(const QuestionResult& result) = 0;
    virtual void finish() {}
};

struct PrinterOptions {
    OutputFormat format = OutputFormat::text;
    Color color = Color::no;
    bool show_answer = true; // false for `kosh search`, which picks no answer sentence
    bool batch = false;      // several questions: the text format labels each one
    int width = 0;           // text format wraps passages at this many columns; 0 = no wrapping
    PathForms paths;         // how file paths are shown (relative, ~/..., absolute); none changes none
};

/// Makes the printer for `options.format`, writing to `out`.
[[nodiscard]] std::unique_ptr<Printer> make_printer(std::ostream& out, const PrinterOptions& options);

} // namespace kosh
