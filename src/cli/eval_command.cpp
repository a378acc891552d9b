// `kosh eval`: measures answer and ranking quality on a list of questions with known answers.
#include "cli/eval_command.h"

#include "index/database.h"
#include "output/eval_printer.h"
#include "search/doc_collapse.h"
#include "search/eval_input.h"
#include "search/evaluation.h"
#include "search/search_settings.h"
#include "util/error.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <optional>

namespace kosh::cli {

namespace {

constexpr int k_answers_depth = 10;
constexpr int k_qrels_depth = 100;

/// Reads `path` ("-" for stdin) with `read`, turning a failure into Fatal.
template <typename Read>
auto read_input(const std::string& path, const char* what, Read&& read)
{
    if (path == "-") {
        return value_or_throw<Fatal>(read(std::cin, std::string("stdin")));
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw Fatal(fmt::format("{}: cannot open the {}", path, what));
    }
    return value_or_throw<Fatal>(read(file, path));
}

} // namespace

int run_eval_command(const EvalOptions& options)
{
    // Check every flag before reading anything, and read everything before asking anything.
    const std::string format = options.json ? "json" : options.format;
    check_report_format(format, "eval");
    if (options.questions == "-" && options.qrels == "-") {
        throw Fatal("the questions and --qrels cannot both come from stdin");
    }
    const bool qrels_mode = !options.qrels.empty();
    SearchOptions base;
    base.min_coverage = options.min_coverage;
    base.expand_terms = feedback_words(options.expand, qrels_mode);
    apply_bm25_option(options.bm25, base);
    // The first column is labelled by what was changed from the defaults, if anything.
    std::vector<std::string> changed;
    if (!options.bm25.empty()) {
        changed.push_back("bm25=" + options.bm25);
    }
    if (options.min_coverage != SearchOptions{}.min_coverage) {
        changed.push_back(fmt::format("min-coverage={}", options.min_coverage));
    }
    if (options.expand) {
        changed.push_back(fmt::format("expand={}", *options.expand));
    }
    std::vector<EvalSettings> settings{
        {changed.empty() ? "default" : fmt::format("{}", fmt::join(changed, " ")), base}};
    if (!options.compare.empty()) {
        EvalSettings variant{fmt::format("{}", fmt::join(options.compare, " ")), base};
        for (const auto& setting : options.compare) {
            variant.options = value_or_throw<Fatal>(apply_setting(variant.options, setting), "--compare: ");
        }
        settings.push_back(std::move(variant));
    }

    const auto fields = qrels_mode ? QuestionFields::question_only : QuestionFields::with_answers;
    const auto questions =
        read_input(options.questions, "question file",
                   [&](std::istream& in, const std::string& name) { return read_eval_questions(in, name, fields); });
    std::optional<Qrels> qrels;
    if (qrels_mode) {
        qrels = read_input(options.qrels, "qrels file",
                           [](std::istream& in, const std::string& name) { return read_qrels(in, name); });
    }
    if (questions.empty()) {
        throw Fatal(fmt::format("{}: no questions", options.questions == "-" ? "stdin" : options.questions));
    }

    Xapian::Database db = open_index(options.index_dir);
    Searcher searcher(db, search_language(db, options.index_dir, options.language));
    for (const auto& column : settings) {
        check_b_for_remote_shards(column.options, options.index_dir,
                                  &column == &settings.front() ? "--bm25" : "--compare");
    }
    const int depth = options.depth > 0 ? options.depth : (qrels_mode ? k_qrels_depth : k_answers_depth);
    const EvalReport report = run_evaluation(searcher, questions, qrels ? &*qrels : nullptr, depth, settings);

    const std::string source = options.questions == "-" ? "stdin" : options.questions;
    if (report.unjudged > 0) {
        warn(fmt::format("{}: {} question{} with no relevant document in {} not scored", source, report.unjudged,
                         report.unjudged == 1 ? "" : "s", options.qrels));
    }
    bool failed = false;
    for (const auto& column : report.columns) {
        for (const auto& outcome : column.outcomes) {
            if (!outcome.error.empty()) {
                failed = true;
                fmt::print(stderr, "kosh: {}: {}: {}\n", source, outcome.id, outcome.error);
            }
        }
    }
    std::cout.flush();
    print_eval_report(std::cout, report, format == "json" ? EvalFormat::json : EvalFormat::text, options.per_question);
    // A measurement that ran is a success whatever it measured; only failures make it 2.
    return failed ? k_exit_error : k_exit_found;
}

} // namespace kosh::cli
