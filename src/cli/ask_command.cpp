// `kosh ask`: answer one question, or a batch of them, from the index.
#include "cli/ask_command.h"

#include "cli/question_reader.h"
#include "cli/session.h"
#include "index/database.h"
#include "search/answer_confidence.h"
#include "search/doc_collapse.h"
#include "util/error.h"
#include "util/ordered_pool.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

namespace kosh::cli {

int run_ask_command(const AskOptions& options)
{
    if (options.batch.empty() && options.question_words.empty()) {
        throw Fatal("no question given (usage: kosh ask QUESTION..., or kosh ask --batch FILE)");
    }
    if (!options.batch.empty() && !options.question_words.empty()) {
        throw Fatal("give either a question or --batch, not both");
    }
    PrinterOptions printer_options = make_printer_options(options.output);
    printer_options.batch = !options.batch.empty();
    if (options.output.refresh && !options.batch.empty()) {
        throw Fatal("--refresh works with one question; run 'kosh index' before a batch");
    }
    Xapian::Database db = open_index(options.index_dir);
    const std::string language = search_language(db, options.index_dir, options.language);
    Searcher searcher(db, language);
    FreshnessCheck freshness(options.index_dir);
    SearchOptions search_options;
    search_options.context = options.context;
    search_options.limit = options.per_doc ? passages_for_documents(options.limit) : options.limit;
    search_options.min_coverage = options.min_coverage;
    search_options.explain = options.explain;
    search_options.expand_terms = feedback_words(options.expand, options.per_doc);
    apply_bm25_option(options.bm25, search_options);
    check_b_for_remote_shards(search_options, options.index_dir, "--bm25");

    auto printer = make_printer(std::cout, printer_options);
    Session session(*printer);
    session.check_freshness(&freshness);
    if (options.output.refresh) {
        session.refresh_outdated(options.index_dir, language, [&] { searcher.reopen(); });
    }
    if (options.min_confidence) {
        session.require_confident_answers();
    }
    // --per-doc asks for more passages than it prints, then keeps each file's best one.
    auto ask_with = [&](Searcher& with, const std::string& question) {
        QuestionResult result = with.ask(question, search_options);
        if (options.per_doc) {
            collapse_result_to_documents(result, static_cast<std::size_t>(options.limit));
        }
        if (options.min_confidence) {
            withhold_unconfident_answer(result, *options.min_confidence);
        }
        return result;
    };
    auto ask = [&](const std::string& question) { return [&, question] { return ask_with(searcher, question); }; };

    if (options.batch.empty()) {
        const std::string question = join_words(options.question_words);
        session.run("", question, ask(question));
        return session.finish();
    }
    if (options.batch == "-") {
        // Stdin is answered line by line as it arrives, so kosh can sit in a pipeline or a coprocess.
        QuestionReader reader(std::cin);
        while (auto line = reader.next()) {
            if (!line->error.empty()) {
                session.fail(line->id, line->question, "stdin:" + line->error);
                continue;
            }
            session.run(line->id, line->question, ask(line->question));
        }
        return session.finish();
    }
    std::ifstream file(options.batch, std::ios::binary);
    if (!file) {
        throw Fatal(fmt::format("{}: cannot open the question file", options.batch));
    }
    std::vector<QuestionLine> lines;
    QuestionReader reader(file);
    while (auto line = reader.next()) {
        lines.push_back(std::move(*line));
    }
    // A file is known in full: answer it on every core, each worker with its own database
    // handle (Xapian objects are not shared between threads), and print in input order.
    const unsigned workers = std::clamp<unsigned>(static_cast<unsigned>(lines.size() / 16), 1,
                                                  std::max(1U, std::thread::hardware_concurrency()));
    std::vector<std::unique_ptr<Searcher>> searchers;
    searchers.push_back(std::make_unique<Searcher>(db, language));
    while (searchers.size() < workers) {
        searchers.push_back(std::make_unique<Searcher>(open_index(options.index_dir), language));
    }
    run_ordered<QuestionResult>(
        lines.size(), workers, 256,
        [&](std::size_t i, unsigned worker) {
            const QuestionLine& line = lines[i];
            if (!line.error.empty()) {
                QuestionResult failed;
                failed.id = line.id;
                failed.error = fmt::format("{}:{}", options.batch, line.error);
                return failed;
            }
            return answer_or_error(line.id, line.question, [&] { return ask_with(*searchers[worker], line.question); });
        },
        [&](std::size_t, QuestionResult&& result) {
            session.report(std::move(result));
            return true;
        });
    return session.finish();
}

} // namespace kosh::cli
