// Brings one Xapian database (an unsharded index, one shard, or one part of a fresh build) up to
// date with a list of files, in one transaction.
#include "index/database_update.h"

#include "index/document_builder.h"
#include "index/file_names.h"
#include "index/file_outcome.h"
#include "index/file_states.h"
#include "index/index_roots.h"
#include "index/schema.h"
#include "index/spelling_table.h"
#include "index/synonym_table.h"
#include "util/error.h"
#include "util/ordered_pool.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace kosh {

namespace {

std::string utc_now()
{
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

Xapian::WritableDatabase open_for_writing(const DatabaseTarget& target)
{
    try {
        std::error_code ignored;
        fs::create_directories(target.dir, ignored);
        return Xapian::WritableDatabase(target.dir.string(), Xapian::DB_CREATE_OR_OPEN | target.extra_flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw Fatal(fmt::format("{}: the index is being updated by another process; try again when it has finished",
                                target.shown.string()));
    } catch (const Xapian::Error& error) {
        throw Fatal(
            fmt::format("{}: cannot open the index for writing: {}", target.shown.string(), error.get_description()));
    }
}

/// Throws Fatal when `db` was written in another format or language than this run may update.
void check_compatible(const Xapian::Database& db, const fs::path& shown, const IndexOptions& options)
{
    const std::string format = db.get_metadata(std::string(schema::k_meta_format));
    const std::string language = db.get_metadata(std::string(schema::k_meta_language));
    if (!format.empty() && format != std::to_string(schema::k_format_version) &&
        !(options.rebuild && schema::is_older_format(format))) {
        throw Fatal(fmt::format("{}: index format {} is not the format this kosh writes ({}); {}", shown.string(),
                                format, schema::k_format_version,
                                schema::is_older_format(format)
                                    ? fmt::format("add --rebuild --language {} to index again in the new format",
                                                  language.empty() ? options.language : language)
                                    : "delete the folder and index again"));
    }
    if (!language.empty() && language != options.language && !options.rebuild) {
        throw Fatal(fmt::format("{}: the index was built with --language {}; index with --language {} or add --rebuild",
                                shown.string(), language, language));
    }
}

/// One builder per worker thread; with no workers, one for the writer's thread, which then builds.
std::vector<DocumentBuilder> make_builders(unsigned workers, const RunSettings& settings)
{
    std::vector<DocumentBuilder> builders;
    for (unsigned i = 0; i < std::max(1U, workers); ++i) {
        builders.emplace_back(settings.options.language, settings.norm);
    }
    return builders;
}

/// One run over one database: the steps of update_database, sharing its open database and tallies.
class DatabaseUpdate {
public:
    DatabaseUpdate(const DatabaseTarget& target, const std::vector<SourceFile>& files, unsigned workers,
                   const RunSettings& settings, const IndexObserver& observer, const std::atomic<bool>* stop_early)
        : m_target(target), m_files(files), m_workers(workers), m_settings(settings), m_options(settings.options),
          m_observer(observer), m_stop_early(stop_early), m_builders(make_builders(workers, settings)),
          m_writer_builder(settings.options.language, settings.norm), m_db(open_for_writing(target))
    {
        m_summary.files = files.size();
        check_compatible(m_db, target.shown, m_options);
        m_previous = load_file_states(m_db);
        m_built_with = m_db.get_metadata(std::string(schema::k_meta_language));
    }

    IndexSummary run()
    {
        try {
            // One transaction: nothing becomes visible, or survives a crash, until commit_transaction.
            m_db.begin_transaction();
            if (m_options.rebuild) {
                forget_every_file();
            }
            look_up_known_states();
            process_and_write_files();
            if (cancelled()) {
                m_db.cancel_transaction();
                throw Fatal(fmt::format("{}: interrupted; the index was left as it was", m_target.shown.string()));
            }
            drop_files_gone();
            apply_spellings(m_db, m_spellings);
            store_synonyms_of_run();
            store_index_metadata();
            m_db.commit_transaction();
            m_db.close();
        } catch (const Xapian::Error& error) {
            throw Fatal(fmt::format("{}: indexing failed, the index was left as it was: {}", m_target.shown.string(),
                                    error.get_description()));
        }
        return m_summary;
    }

private:
    [[nodiscard]] bool cancelled() const
    {
        return (m_observer.cancel && m_observer.cancel->load()) || (m_stop_early && m_stop_early->load());
    }

    /// For --rebuild: drops every file's passages and state, and the spelling table, so that
    /// every file is read again as new.
    void forget_every_file()
    {
        clear_spellings(m_db);
        for (const auto& [path, state] : m_previous) {
            m_db.delete_document(file_term(path));
            erase_file_state(m_db, path);
        }
        m_previous.clear();
    }

    /// Copies what the index knows of each file for the workers, who read `m_known` only: the
    /// writer alone touches `m_previous` and the database.
    void look_up_known_states()
    {
        m_known.assign(m_files.size(), std::nullopt);
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            if (const auto found = m_previous.find(m_files[i].path); found != m_previous.end()) {
                m_known[i] = found->second;
            }
        }
    }

    /// Works out each file's outcome on the workers, and writes the outcomes in file order.
    void process_and_write_files()
    {
        auto work = [&](std::size_t i, unsigned worker) {
            return process_file(m_files[i], m_known[i], m_builders[worker], m_options.passage_limits,
                                m_settings.sampled);
        };
        auto write = [&](std::size_t i, FileOutcome&& outcome) { return write_outcome(i, std::move(outcome)); };
        // A small window: finished Xapian documents are bulky, and the writer is the bottleneck anyway.
        run_ordered<FileOutcome>(m_files.size(), m_workers, 8, work, write);
    }

    /// Applies the outcome of file `i` to the database; false once the run is cancelled.
    bool write_outcome(std::size_t i, FileOutcome&& outcome)
    {
        m_observer.progress(1, 0);
        const std::string& path = m_files[i].path;
        switch (outcome.kind) {
        case FileOutcome::Kind::unchanged: ++m_summary.unchanged; break;
        case FileOutcome::Kind::touched:
            store_file_state(m_db, path, outcome.state);
            ++m_summary.unchanged;
            break;
        case FileOutcome::Kind::failed:
            // A file that exists but cannot be read now keeps its last good version in the
            // index (a passing permission problem must not make it vanish).
            m_observer.warn(outcome.warning);
            ++m_summary.failed;
            break;
        case FileOutcome::Kind::indexed:
            if (!outcome.warning.empty()) {
                m_observer.warn(outcome.warning); // read another way (HTML nested too deep: as text)
            }
            replace_passages(path, m_known[i].has_value(), outcome);
            store_file_state(m_db, path, outcome.state);
            ++m_summary.indexed;
            break;
        }
        m_previous.erase(path); // seen: whatever stays in `m_previous` is gone from disk
        return !cancelled();
    }

    /// Replaces the passages the index holds of `path` (if it `was_indexed`) with the outcome's.
    void replace_passages(const std::string& path, bool was_indexed, FileOutcome& outcome)
    {
        if (was_indexed) {
            subtract_spellings(m_db, file_term(path), m_spellings);
            m_db.delete_document(file_term(path));
        }
        for (const auto& document : outcome.documents) {
            m_db.add_document(document);
        }
        add_word_counts(m_spellings, outcome.spellings);
        m_summary.passages += outcome.documents.size() + outcome.records.size();
        for (const auto& record : outcome.records) {
            m_db.add_document(m_writer_builder.build(record, m_spellings));
        }
    }

    /// True when the run's walk covers `path`, so that not meeting it means it is gone.
    [[nodiscard]] bool in_scope(const std::string& path) const
    {
        if (m_settings.plan == nullptr) {
            return true;
        }
        const auto& scope = m_settings.plan->scope;
        return std::any_of(scope.begin(), scope.end(),
                           [&](const std::string& folder) { return is_within(path, folder); });
    }

    /// Drops the files the index holds that this run should have met and did not.
    void drop_files_gone()
    {
        for (const auto& [path, state] : m_previous) {
            if (!in_scope(path)) {
                continue; // another root's file, or a missing root's: kept
            }
            subtract_spellings(m_db, file_term(path), m_spellings);
            m_db.delete_document(file_term(path));
            erase_file_state(m_db, path);
            ++m_summary.removed;
        }
    }

    /// Stores the synonym groups given to this run, or restems the stored ones when the language
    /// has changed.
    void store_synonyms_of_run()
    {
        if (m_options.synonyms) {
            store_synonyms(m_db, *m_options.synonyms, m_options.language);
        } else if (!m_built_with.empty() && m_built_with != m_options.language) {
            // A rebuild in another language: the stored groups' stems must follow it.
            store_synonyms(m_db, stored_synonyms(m_db), m_options.language);
        }
    }

    void store_index_metadata()
    {
        m_db.set_metadata(std::string(schema::k_meta_format), std::to_string(schema::k_format_version));
        m_db.set_metadata(std::string(schema::k_meta_language), m_options.language);
        m_db.set_metadata(std::string(schema::k_meta_average_length), m_settings.norm.encode());
        m_db.set_metadata(std::string(schema::k_meta_indexed_at), utc_now());
        if (m_settings.plan != nullptr) {
            m_db.set_metadata(std::string(schema::k_meta_roots), encode_roots(m_settings.plan->roots));
        }
    }

    const DatabaseTarget& m_target;
    const std::vector<SourceFile>& m_files;
    unsigned m_workers;
    const RunSettings& m_settings;
    const IndexOptions& m_options;
    const IndexObserver& m_observer;
    const std::atomic<bool>* m_stop_early;
    std::vector<DocumentBuilder> m_builders; // one per worker
    DocumentBuilder m_writer_builder;        // builds big files' documents, one at a time
    Xapian::WritableDatabase m_db;
    std::map<std::string, FileState> m_previous;   // as the last run left them; met files are taken off
    std::vector<std::optional<FileState>> m_known; // the state of each of m_files as the run began
    std::string m_built_with;                      // the language of the index before this run
    WordCounts m_spellings;                        // change to the spelling table, applied once at the end
    IndexSummary m_summary;
};

} // namespace

IndexSummary update_database(const DatabaseTarget& target, const std::vector<SourceFile>& files, unsigned workers,
                             const RunSettings& settings, const IndexObserver& observer,
                             const std::atomic<bool>* stop_early)
{
    return DatabaseUpdate(target, files, workers, settings, observer, stop_early).run();
}

} // namespace kosh
