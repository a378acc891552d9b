// Results checked against the files they come from before they are printed.
#include "cli/result_freshness.h"

#include "index/indexer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kosh::cli {

void apply_freshness(QuestionResult& result, FreshnessCheck& check, OutdatedFiles& outdated)
{
    auto freshness_of = [&](const std::string& path) {
        const Freshness freshness = check.of(path);
        if (freshness == Freshness::changed) {
            outdated.changed.insert(path);
        } else if (freshness == Freshness::deleted) {
            outdated.deleted.insert(path);
        }
        return freshness;
    };
    const auto before = result.passages.size();
    std::erase_if(result.passages, [&](PassageHit& hit) {
        const Freshness freshness = freshness_of(hit.path);
        hit.stale = freshness == Freshness::changed;
        return freshness == Freshness::deleted;
    });
    result.dropped_deleted += static_cast<int>(before - result.passages.size());
    // Ranks close up over the dropped hits, and an answer follows its passage's new rank.
    std::map<int, int> new_rank;
    for (std::size_t i = 0; i < result.passages.size(); ++i) {
        new_rank[result.passages[i].rank] = static_cast<int>(i) + 1;
        result.passages[i].rank = static_cast<int>(i) + 1;
    }
    auto follow = [&](int& rank) {
        if (const auto found = new_rank.find(rank); found != new_rank.end()) {
            rank = found->second;
        }
    };
    for (auto* answer : {&result.answer, &result.withheld_answer}) {
        if (!answer->has_value()) {
            continue;
        }
        const Freshness freshness = freshness_of((*answer)->path);
        if (freshness == Freshness::deleted) {
            answer->reset();
        } else {
            (*answer)->stale = freshness == Freshness::changed;
            follow((*answer)->passage_rank);
            if ((*answer)->runner_up && check.of((*answer)->runner_up->path) == Freshness::deleted) {
                (*answer)->runner_up.reset();
            } else if ((*answer)->runner_up) {
                follow((*answer)->runner_up->passage_rank);
            }
        }
    }
}

bool refresh_outdated_files(const QuestionResult& result, FreshnessCheck& check, const std::string& index_dir,
                            const std::string& language)
{
    QuestionResult scratch = result;
    OutdatedFiles outdated;
    apply_freshness(scratch, check, outdated);
    if (outdated.empty()) {
        return false;
    }
    IndexOptions options;
    options.request.mode = IndexRequest::Mode::refresh;
    options.request.paths.assign(outdated.changed.begin(), outdated.changed.end());
    options.request.paths.insert(options.request.paths.end(), outdated.deleted.begin(), outdated.deleted.end());
    options.index_dir = index_dir;
    options.language = language;
    IndexObserver observer;
    observer.warn = [](const std::string& message) { fmt::print(stderr, "kosh: warning: {}\n", message); };
    const IndexSummary summary = update_index(options, observer);
    fmt::print(stderr, "kosh: --refresh: {} file{} indexed again, {} removed\n", summary.indexed,
               summary.indexed == 1 ? "" : "s", summary.removed);
    check.forget();
    return true;
}

void print_outdated_note(const OutdatedFiles& outdated)
{
    if (!outdated.changed.empty()) {
        const auto count = outdated.changed.size();
        fmt::print(stderr,
                   "kosh: {} file{} changed since {} indexed, so {} results may be out of date; run 'kosh index' "
                   "(or add --refresh)\n",
                   count, count == 1 ? "" : "s", count == 1 ? "it was" : "they were", count == 1 ? "its" : "their");
    }
    if (!outdated.deleted.empty()) {
        const auto count = outdated.deleted.size();
        fmt::print(stderr, "kosh: left out results from {} file{} deleted since indexed; run 'kosh index'\n", count,
                   count == 1 ? "" : "s");
    }
}

} // namespace kosh::cli
