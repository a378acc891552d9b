// Options and helpers shared by the subcommands: where the index is, output format and colour.
#pragma once

#include "output/printer.h"
#include "search/searcher.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace kosh::cli {

/// Exit statuses, as grep and ripgrep use them, and 3 for `ask --min-confidence`.
enum ExitCode : int {
    k_exit_found = 0,
    k_exit_not_found = 1,
    k_exit_error = 2,
    k_exit_no_confident_answer = 3, // passages were found, but no answer reached --min-confidence
};

/// The index folder: --index, else $KOSH_INDEX, else "index".
void add_index_option(CLI::App& command, std::string& index_dir);

/// --language for commands that read an index: a check, since the index fixes the language.
void add_language_check_option(CLI::App& command, std::string& language);

struct OutputFlags {
    std::string format = "text";
    bool json = false;
    std::string color = "auto";
};

void add_output_options(CLI::App& command, OutputFlags& flags);

/// Turns output flags into printer options for standard output. Throws Fatal on a bad value.
[[nodiscard]] PrinterOptions make_printer_options(const OutputFlags& flags);

/// --bm25 K1,B: BM25's parameters, as text until apply_bm25_option checks them.
void add_bm25_option(CLI::App& command, std::string& bm25);

/// Sets options.bm25_k1 and bm25_b from a --bm25 value; empty leaves the defaults. Throws Fatal
/// naming the option and what is wrong with the value.
void apply_bm25_option(const std::string& bm25, SearchOptions& options);

/// --expand N: pseudo-relevance feedback, N words from the best passages added to the question.
void add_expand_option(CLI::App& command, std::optional<int>& expand);

/// Prints "kosh: warning: MESSAGE" to stderr.
void warn(const std::string& message);

} // namespace kosh::cli
