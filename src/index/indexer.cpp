// Brings an index up to date with a set of source files, in one atomic commit.
#include "index/indexer.h"

#include "analyze/analyzer.h"
#include "index/fresh_build.h"
#include "index/index_lock.h"
#include "index/length_norm.h"
#include "index/ordered_warnings.h"
#include "index/passage_record.h"
#include "index/shards.h"
#include "index/schema.h"
#include "index/synonym_table.h"
#include "parse/parser.h"
#include "util/error.h"
#include "util/file_io.h"
#include "util/ordered_pool.h"
#include "util/side_by_side.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>
#include <cstdlib>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace kosh {

namespace {

using Clock = std::chrono::steady_clock;

/// The boolean terms that let `path:` find a file by its path or by any folder above it.
std::vector<std::string> path_terms(const std::string& path)
{
    std::vector<std::string> terms;
    auto add = [&](std::string_view value) {
        if (value.size() + schema::k_path_prefix.size() <= schema::k_max_term_bytes) {
            terms.push_back(schema::field_term(schema::k_path_prefix, value));
        }
    };
    add(path);
    for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        add(std::string_view(path).substr(0, slash + 1));
    }
    return terms;
}

/// `prefix` + `path`, or `prefix` + "#" + a hash of `path` when `spelled_out` is false (the path
/// is too long for where the name goes): how both a file's term and its metadata key are named.
std::string name_for_path(std::string_view prefix, const std::string& path, bool spelled_out)
{
    if (spelled_out) {
        return std::string(prefix) + path;
    }
    return fmt::format("{}#{:016x}", prefix, fingerprint(path));
}

/// The metadata key of a file's FileState: the path itself, or a hash of a path too long for a key.
std::string file_state_key(const std::string& path)
{
    return name_for_path(schema::k_meta_file_prefix, path, !schema::needs_hashed_key(path));
}

/// A FileState as stored under file_state_key(path): a long path travels inside it.
std::string encode_state_of(const std::string& path, FileState state)
{
    if (schema::needs_hashed_key(path)) {
        state.long_path = path;
    }
    return encode_file_state(state);
}

/// The term that identifies all of one file's passages, for replacing or deleting them.
std::string file_term(const std::string& path)
{
    return name_for_path(schema::k_path_prefix, path,
                         path.size() + schema::k_path_prefix.size() <= schema::k_max_term_bytes);
}

/// How often each passage-text word occurs, for the spelling table. Words are counted per file
/// by the workers and added once per run, not once per occurrence: Xapian's add_spelling is
/// far dearer than a hash-map increment.
using WordCounts = std::unordered_map<std::string, std::int64_t>;

class DocumentBuilder {
public:
    DocumentBuilder(const std::string& language, LengthNorm norm) : m_analyzer(language), m_norm(norm) {}

    Xapian::Document build(const PassageRecord& record, WordCounts& spellings)
    {
        Xapian::Document document;
        m_frequencies.clear();
        add_field(document, schema::k_body_prefix, record.passage.text, 1, &spellings);
        for (const auto& section : record.passage.sections) {
            add_field(document, schema::k_section_prefix, section, schema::k_heading_wdf);
        }
        add_field(document, schema::k_title_prefix, record.title, schema::k_title_wdf);
        m_norm.add_terms(document, m_frequencies);
        for (const auto& term : path_terms(record.path)) {
            document.add_boolean_term(term);
        }
        document.add_boolean_term(file_term(record.path));
        document.set_data(encode_record(record));
        return document;
    }

    /// The length build() gives the passage (LengthNorm::add_terms), from its words alone.
    static std::size_t passage_length(const PassageRecord& record)
    {
        std::size_t length = field_length(schema::k_body_prefix, record.passage.text, 1);
        for (const auto& section : record.passage.sections) {
            length += field_length(schema::k_section_prefix, section, schema::k_heading_wdf);
        }
        return length + field_length(schema::k_title_prefix, record.title, schema::k_title_wdf);
    }

private:
    static bool indexable(const Token& token, std::string_view prefix)
    {
        return token.term.size() + prefix.size() + 1 <= schema::k_max_term_bytes;
    }

    static std::size_t field_length(std::string_view prefix, std::string_view text, unsigned ranking_wdf)
    {
        std::size_t length = 0;
        for (const auto& token : tokenize(text)) {
            length += indexable(token, prefix) ? ranking_wdf : 0;
        }
        return length;
    }

    /// Each word of `text`: positional in the field, stemmed in the field, and stemmed in the
    /// ranking term counted `ranking_wdf` times (see schema.h). Positions go to the document now;
    /// frequencies are counted, and become wdfs once the passage's length is known.
    void add_field(Xapian::Document& document, std::string_view prefix, std::string_view text, unsigned ranking_wdf,
                   WordCounts* spellings = nullptr)
    {
        for (const auto& token : tokenize(text)) {
            if (!indexable(token, prefix)) {
                continue;
            }
            const std::string& stem = m_analyzer.stem(token.term);
            std::string positional = schema::field_term(prefix, token.term);
            document.add_posting(positional, token.position + 1, 0);
            ++m_frequencies[std::move(positional)];
            if (!prefix.empty()) {
                ++m_frequencies[schema::stemmed_term(prefix, stem)];
            }
            m_frequencies[schema::stemmed_term(schema::k_body_prefix, stem)] += ranking_wdf;
            if (spellings && schema::is_spelling_word(token.term)) {
                ++(*spellings)[token.term];
            }
        }
    }

    Analyzer m_analyzer;
    LengthNorm m_norm;
    TermFrequencies m_frequencies; // of the passage being built
};

std::int64_t mtime_ns(const struct stat& info)
{
    return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

std::string utc_now()
{
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

Xapian::WritableDatabase open_for_writing(const fs::path& dir, const fs::path& shown, int extra_flags)
{
    try {
        std::error_code ignored;
        fs::create_directories(dir, ignored);
        return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN | extra_flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw Fatal(fmt::format("{}: the index is being updated by another process; try again when it has finished",
                                shown.string()));
    } catch (const Xapian::Error& error) {
        throw Fatal(fmt::format("{}: cannot open the index for writing: {}", shown.string(), error.get_description()));
    }
}

void check_compatible(Xapian::WritableDatabase& db, const fs::path& dir, const IndexOptions& options)
{
    const std::string format = db.get_metadata(std::string(schema::k_meta_format));
    const std::string language = db.get_metadata(std::string(schema::k_meta_language));
    if (!format.empty() && format != std::to_string(schema::k_format_version) && !(options.rebuild && schema::is_older_format(format))) {
        throw Fatal(fmt::format("{}: index format {} is not the format this kosh writes ({}); {}", dir.string(), format,
                                schema::k_format_version,
                                schema::is_older_format(format)
                                    ? fmt::format("add --rebuild --language {} to index again in the new format",
                                                  language.empty() ? options.language : language)
                                    : "delete the folder and index again"));
    }
    if (!language.empty() && language != options.language && !options.rebuild) {
        throw Fatal(fmt::format("{}: the index was built with --language {}; index with --language {} or add --rebuild",
                                dir.string(), language, language));
    }
}

std::map<std::string, FileState> load_file_states(Xapian::WritableDatabase& db)
{
    std::map<std::string, FileState> states;
    const std::string prefix(schema::k_meta_file_prefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        if (auto state = decode_file_state(db.get_metadata(*key))) {
            std::string path = state->long_path.empty() ? (*key).substr(prefix.size()) : state->long_path;
            state->long_path.clear();
            states.emplace(std::move(path), *state);
        }
    }
    return states;
}

/// What became of one file, worked out on a worker thread and applied by the writer.
struct FileOutcome {
    enum class Kind { unchanged, touched, failed, indexed };
    Kind kind = Kind::unchanged;
    FileState state;                      // for touched and indexed
    std::string warning;                  // for failed
    std::vector<Xapian::Document> documents;
    std::vector<PassageRecord> records; // big files: analyzed by the writer, one at a time
    WordCounts spellings;               // passage-text words of `documents`
};

/// Everything about a file that needs no database: stat, read, compare, parse, analyze.
FileOutcome process_file(const SourceFile& file, const std::optional<FileState>& known, DocumentBuilder& builder,
                         const PassageLimits& limits)
{
    FileOutcome outcome;
    struct stat info {};
    if (::stat(file.location.c_str(), &info) != 0) {
        outcome.kind = FileOutcome::Kind::failed;
        outcome.warning = fmt::format("{}: {}", file.path, std::strerror(errno));
        return outcome;
    }
    outcome.state = FileState{static_cast<std::uint64_t>(info.st_size), mtime_ns(info), 0, {}};
    if (known && known->size == outcome.state.size && known->mtime_ns == outcome.state.mtime_ns) {
        outcome.kind = FileOutcome::Kind::unchanged;
        return outcome;
    }
    auto content = read_file(file.location);
    if (!content) {
        outcome.kind = FileOutcome::Kind::failed;
        outcome.warning = fmt::format("{}: {}", file.path, content.error());
        return outcome;
    }
    outcome.state.fingerprint = fingerprint(*content);
    if (known && known->fingerprint == outcome.state.fingerprint) {
        outcome.kind = FileOutcome::Kind::touched; // same bytes, new mtime: remember the new mtime only
        return outcome;
    }
    if (const std::string problem = check_text(*content); !problem.empty()) {
        outcome.kind = FileOutcome::Kind::failed;
        outcome.warning = fmt::format("{}: skipped: {}", file.path, problem);
        return outcome;
    }
    const Document document = parse_document(*content, file.path);
    // A finished Xapian document takes tens of times its text's size; for a big file, building
    // all of them before the writer adds any cost 38x the file (1.8 GB for 50 MB). Such files
    // hand over their passages, and the writer builds and adds one document at a time.
    constexpr std::size_t k_big_file_bytes = 4u << 20;
    const bool big = content->size() > k_big_file_bytes;
    for (auto& passage : split_passages(document, limits)) {
        if (big) {
            outcome.records.push_back(PassageRecord{file.path, document.title, std::move(passage)});
        } else {
            outcome.documents.push_back(
                builder.build(PassageRecord{file.path, document.title, std::move(passage)}, outcome.spellings));
        }
    }
    outcome.kind = FileOutcome::Kind::indexed;
    return outcome;
}

unsigned worker_count()
{
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 2 : cores;
}

/// Takes the passage-text words of a file's indexed passages off `spellings`, before they go.
/// An unprefixed term is a passage-text word with one position per occurrence (its wdf is
/// scaled by the passage's length, see length_norm.h).
void subtract_spellings(Xapian::WritableDatabase& db, const std::string& term, WordCounts& spellings)
{
    for (auto doc = db.postlist_begin(term); doc != db.postlist_end(term); ++doc) {
        for (auto word = db.termlist_begin(*doc); word != db.termlist_end(*doc); ++word) {
            if (schema::is_spelling_word(*word)) {
                spellings[*word] -= word.positionlist_count();
            }
        }
    }
}

void clear_spellings(Xapian::WritableDatabase& db)
{
    std::vector<std::pair<std::string, Xapian::doccount>> words;
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) {
        words.emplace_back(*word, word.get_termfreq());
    }
    for (const auto& [word, count] : words) {
        db.remove_spelling(word, count);
    }
}

void apply_spellings(Xapian::WritableDatabase& db, const WordCounts& spellings)
{
    for (const auto& [word, change] : spellings) {
        if (change > 0) {
            db.add_spelling(word, static_cast<Xapian::termcount>(change));
        } else if (change < 0) {
            db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
    }
}

/// Brings one Xapian database at `dir` up to date with `files`, in one transaction.
/// Messages name `shown`: the index folder, or the shard's. `extra_flags` go to Xapian when it opens the database (DB_NO_SYNC for a temporary part).
/// `workers` threads parse the files; 0 parses them on this thread, between writes.
/// `stop_early`, when given and set, abandons the run as an interrupt does (a sibling failed).
IndexSummary update_one(const fs::path& dir, const fs::path& shown, const std::vector<SourceFile>& files, unsigned workers,
                        const IndexOptions& options, const LengthNorm& norm, const IndexObserver& observer,
                        int extra_flags = 0, const std::atomic<bool>* stop_early = nullptr)
{
    IndexSummary summary;
    summary.files = files.size();
    std::vector<DocumentBuilder> builders;
    for (unsigned i = 0; i < std::max(1U, workers); ++i) { // workers = 0: the writer's thread builds
        builders.emplace_back(options.language, norm);
    }
    DocumentBuilder writer_builder(options.language, norm);
    Xapian::WritableDatabase db = open_for_writing(dir, shown, extra_flags);
    check_compatible(db, shown, options);
    auto previous = load_file_states(db);
    const std::string built_with = db.get_metadata(std::string(schema::k_meta_language));
    WordCounts spellings; // change to the spelling table, applied once at the end
    auto cancelled = [&] {
        return (observer.cancel && observer.cancel->load()) || (stop_early && stop_early->load());
    };
    try {
        // One transaction: nothing becomes visible, or survives a crash, until commit_transaction.
        db.begin_transaction();
        if (options.rebuild) {
            clear_spellings(db);
            for (const auto& [path, state] : previous) {
                db.delete_document(file_term(path));
                db.set_metadata(file_state_key(path), "");
            }
            previous.clear();
        }
        // Workers read `known` only; the writer alone touches `previous` and the database.
        std::vector<std::optional<FileState>> known(files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (const auto found = previous.find(files[i].path); found != previous.end()) {
                known[i] = found->second;
            }
        }
        auto work = [&](std::size_t i, unsigned worker) {
            return process_file(files[i], known[i], builders[worker], options.passage_limits);
        };
        auto write = [&](std::size_t i, FileOutcome&& outcome) {
            observer.progress(1, 0);
            const std::string& path = files[i].path;
            switch (outcome.kind) {
            case FileOutcome::Kind::unchanged:
                ++summary.unchanged;
                break;
            case FileOutcome::Kind::touched:
                db.set_metadata(file_state_key(path), encode_state_of(path, outcome.state));
                ++summary.unchanged;
                break;
            case FileOutcome::Kind::failed:
                // A file that exists but cannot be read now keeps its last good version in the
                // index (a passing permission problem must not make it vanish).
                observer.warn(outcome.warning);
                ++summary.failed;
                break;
            case FileOutcome::Kind::indexed:
                if (known[i]) {
                    subtract_spellings(db, file_term(path), spellings);
                    db.delete_document(file_term(path));
                }
                for (const auto& document : outcome.documents) {
                    db.add_document(document);
                }
                for (auto& [word, count] : outcome.spellings) {
                    spellings[word] += count;
                }
                summary.passages += outcome.documents.size() + outcome.records.size();
                for (const auto& record : outcome.records) {
                    db.add_document(writer_builder.build(record, spellings));
                }
                db.set_metadata(file_state_key(path), encode_state_of(path, outcome.state));
                ++summary.indexed;
                break;
            }
            previous.erase(path); // seen: whatever stays in `previous` is gone from disk
            return !cancelled();
        };
        // A small window: finished Xapian documents are bulky, and the writer is the bottleneck anyway.
        run_ordered<FileOutcome>(files.size(), workers, 8, work, write);
        if (cancelled()) {
            db.cancel_transaction();
            throw Fatal(fmt::format("{}: interrupted; the index was left as it was", shown.string()));
        }
        for (const auto& [path, state] : previous) {
            subtract_spellings(db, file_term(path), spellings);
            db.delete_document(file_term(path));
            db.set_metadata(file_state_key(path), "");
            ++summary.removed;
        }
        apply_spellings(db, spellings);
        if (options.synonyms) {
            store_synonyms(db, *options.synonyms, options.language);
        } else if (!built_with.empty() && built_with != options.language) {
            // A rebuild in another language: the stored groups' stems must follow it.
            store_synonyms(db, stored_synonyms(db), options.language);
        }
        db.set_metadata(std::string(schema::k_meta_format), std::to_string(schema::k_format_version));
        db.set_metadata(std::string(schema::k_meta_language), options.language);
        db.set_metadata(std::string(schema::k_meta_average_length), norm.encode());
        db.set_metadata(std::string(schema::k_meta_indexed_at), utc_now());
        db.commit_transaction();
        db.close();
    } catch (const Xapian::Error& error) {
        throw Fatal(fmt::format("{}: indexing failed, the index was left as it was: {}", shown.string(),
                                error.get_description()));
    }
    return summary;
}

IndexSummary add(IndexSummary total, const IndexSummary& part)
{
    total.files += part.files;
    total.indexed += part.indexed;
    total.unchanged += part.unchanged;
    total.removed += part.removed;
    total.failed += part.failed;
    total.passages += part.passages;
    return total;
}

/// How many shards to write: the existing index decides, and --shards may only agree with it.
std::size_t shard_count(const IndexOptions& options)
{
    std::error_code error;
    const bool single = fs::exists(options.index_dir / "iamglass", error);
    if (is_sharded(options.index_dir)) {
        const auto shards = read_stub(options.index_dir);
        for (std::size_t i = 0; i < shards.size(); ++i) {
            if (shards[i].remote() || shards[i].path.lexically_normal() != shard_dir(options.index_dir, i).lexically_normal()) {
                throw Fatal(fmt::format("{}: lists shards kosh did not make (remote or elsewhere); index each shard "
                                        "on its own, then list it in the stub", stub_path(options.index_dir).string()));
            }
        }
        if (options.shards != 0 && options.shards != shards.size()) {
            throw Fatal(fmt::format("{}: the index has {} shards, not {}; delete the folder to change the number",
                                    options.index_dir.string(), shards.size(), options.shards));
        }
        return shards.size();
    }
    if (single && options.shards > 1) {
        throw Fatal(fmt::format("{}: the index is not sharded; delete the folder to rebuild it with --shards {}",
                                options.index_dir.string(), options.shards));
    }
    return options.shards == 0 ? 1 : options.shards;
}

/// Updates one database per group of files, on `writers` threads that each take the next group
/// as they come free, and adds up their summaries. The first failure stops the other groups after
/// their current file and is rethrown once all have stopped.
IndexSummary update_side_by_side(const std::vector<std::vector<SourceFile>>& groups, std::size_t writers,
                                 const std::function<fs::path(std::size_t)>& dir_of,
                                 const std::function<fs::path(std::size_t)>& shown_as, const IndexOptions& options,
                                 const LengthNorm& norm, const IndexObserver& observer, int extra_flags)
{
    std::vector<IndexSummary> results(groups.size());
    // With no core to spare per writer, each writer's thread parses and writes its files itself:
    // measured on 2 cores and 2 writers, that takes less CPU time and half the memory of a worker
    // thread per writer handing documents to it.
    const unsigned cores_per_writer = worker_count() / static_cast<unsigned>(std::max<std::size_t>(1, writers));
    const unsigned workers = cores_per_writer <= 1 ? 0U : cores_per_writer;
    OrderedWarnings warnings(groups.size(), observer.warn);
    try {
        run_side_by_side(groups.size(), writers, [&](std::size_t i, const std::atomic<bool>& stop) {
            IndexObserver group_observer = observer;
            group_observer.warn = [&, i](const std::string& message) { warnings.warn(i, message); };
            try {
                results[i] = update_one(dir_of(i), shown_as(i), groups[i], workers, options, norm, group_observer,
                                        extra_flags, &stop);
            } catch (...) {
                warnings.finished(i);
                throw;
            }
            warnings.finished(i);
        });
    } catch (...) {
        for (std::size_t i = 0; i < groups.size(); ++i) {
            warnings.finished(i); // groups that never started: let later groups' warnings out
        }
        throw;
    }
    IndexSummary summary;
    for (const auto& result : results) {
        summary = add(summary, result);
    }
    return summary;
}

/// The average passage length of a sample of `files`: all of them when they hold up to
/// k_sample_bytes, else every n-th file, so that about that many bytes are read from files
/// spread over the whole list (2 MB came within 2% of the true average on both benchmark
/// corpora). Of a file bigger than the whole sample, its first k_sample_bytes (to the last whole
/// line) stand for it. Unreadable files are passed over. The writers wait for it, so it is read
/// on every core.
double measure_average_length(const std::vector<SourceFile>& files, const PassageLimits& limits)
{
    constexpr std::uintmax_t k_sample_bytes = 2u << 20;
    const std::vector<std::uintmax_t> sizes = file_sizes(files);
    const std::uintmax_t total = std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0});
    const std::uintmax_t stride = std::max<std::uintmax_t>(1, (total + k_sample_bytes - 1) / k_sample_bytes);
    std::vector<std::size_t> sample;
    for (std::size_t i = 0; i < files.size(); i += stride) {
        if (sizes[i] > 0) {
            sample.push_back(i);
        }
    }
    struct Sum {
        double length = 0.0;
        std::size_t passages = 0;
    };
    const std::size_t threads = std::min<std::size_t>(worker_count(), std::max<std::size_t>(1, sample.size()));
    std::vector<Sum> sums(threads);
    run_side_by_side(threads, threads, [&](std::size_t part, const std::atomic<bool>&) {
        for (std::size_t k = part; k < sample.size(); k += threads) {
            const SourceFile& file = files[sample[k]];
            auto content = read_file(file.location, k_sample_bytes);
            if (content && sizes[sample[k]] > k_sample_bytes) {
                const std::size_t last_line_end = content->rfind('\n');
                content->resize(last_line_end == std::string::npos ? 0 : last_line_end + 1);
            }
            if (!content || content->empty() || !check_text(*content).empty()) {
                continue;
            }
            const Document document = parse_document(*content, file.path);
            for (auto& passage : split_passages(document, limits)) {
                sums[part].length += static_cast<double>(
                    DocumentBuilder::passage_length(PassageRecord{file.path, document.title, std::move(passage)}));
                ++sums[part].passages;
            }
        }
    });
    Sum all;
    for (const Sum& sum : sums) {
        all.length += sum.length;
        all.passages += sum.passages;
    }
    return all.passages == 0 || all.length == 0.0 ? k_default_average_length : all.length / static_cast<double>(all.passages);
}

/// The reference length the index keeps, when there is an index of this format to keep.
std::optional<LengthNorm> stored_length_norm(const fs::path& index_dir)
{
    const fs::path first = is_sharded(index_dir) ? shard_dir(index_dir, 0) : index_dir;
    std::error_code missing;
    if (!fs::exists(first / "iamglass", missing)) {
        return std::nullopt;
    }
    try {
        const Xapian::Database db(first.string());
        if (db.get_metadata(std::string(schema::k_meta_format)) != std::to_string(schema::k_format_version)) {
            return std::nullopt;
        }
        return LengthNorm::decode(db.get_metadata(std::string(schema::k_meta_average_length)));
    } catch (const Xapian::Error&) {
        return std::nullopt; // the writer's own open reports what is wrong
    }
}

/// The length normalization of this run: the index's own, so that passages added later are
/// scaled as the ones already there; for a new or rebuilt index, measured on the corpus.
LengthNorm choose_length_norm(const IndexOptions& options, const std::vector<SourceFile>& files)
{
    if (!options.rebuild) {
        if (const auto stored = stored_length_norm(options.index_dir)) {
            if (options.average_length && LengthNorm(*options.average_length).encode() != stored->encode()) {
                throw Fatal(fmt::format("{}: the index divides by an average passage length of {} (see kosh stats), not "
                                        "{}; add --rebuild to change it",
                                        options.index_dir.string(), stored->encode(),
                                        LengthNorm(*options.average_length).encode()));
            }
            return *stored;
        }
    }
    if (options.average_length) {
        return LengthNorm(*options.average_length).as_stored();
    }
    return LengthNorm(measure_average_length(files, options.passage_limits)).as_stored();
}

/// Warns when the passages an index now holds average far from the length it divides by: an
/// index first built from a few files and then grown keeps the first average (updates must
/// divide alike), which ranks as BM25 with other k1 and b would. Only measured averages: one
/// given with --average-length was chosen.
void warn_if_average_drifted(const IndexOptions& options, const LengthNorm& norm, const IndexObserver& observer)
{
    constexpr Xapian::doccount k_enough_passages = 100;
    constexpr double k_drift = 4.0 / 3.0;
    if (options.average_length) {
        return;
    }
    try {
        const Xapian::Database db(
            (is_sharded(options.index_dir) ? stub_path(options.index_dir) : options.index_dir).string());
        if (db.get_doccount() < k_enough_passages) {
            return;
        }
        const double average = LengthNorm::length_from_doclength(db.get_avlength());
        const double ratio = average / norm.average_length();
        if (ratio > k_drift || ratio < 1 / k_drift) {
            observer.warn(fmt::format("{}: passages now average {:.1f} in length, but the index divides by {} (measured "
                                      "when it was built); 'kosh index --rebuild' measures again",
                                      options.index_dir.string(), average, norm.encode()));
        }
    } catch (const Xapian::Error&) {
        // Only advice: the index itself was committed.
    }
}

/// How many writers build a new single-database index side by side: one per core, at most 2,
/// since the merge reads every part once more.
std::size_t fresh_writers()
{
    return std::min(2U, worker_count());
}

/// The parts to build a new single-database index from (see split_in_parts); none when there is
/// an index to update.
std::vector<std::vector<SourceFile>> fresh_parts(const IndexOptions& options, const std::vector<SourceFile>& files)
{
    if (!holds_no_index(options.index_dir)) {
        return {};
    }
    return split_in_parts(files, fresh_writers());
}

} // namespace

IndexSummary update_index(const IndexOptions& options, const IndexObserver& observer)
{
    const auto started = Clock::now();
    const Analyzer language_check(options.language); // an unknown language fails before anything is opened
    const IndexLock lock(options.index_dir, options.wait);
    // Xapian buffers this many documents' postings before writing them out (still inside the
    // transaction). Its default of 10,000 passages cost 124 MB on an 11 MB corpus and more CPU
    // than 2,000 (71-81 MB); a user's own XAPIAN_FLUSH_THRESHOLD still wins. Set here, before any
    // writer thread starts: Xapian reads it with getenv, and setenv beside a getenv is a data race.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
    // What an interrupted first build left in its parts folder goes, whatever this run does.
    remove_build_parts(options.index_dir);
    const std::size_t shards = shard_count(options);
    const auto files = find_source_files(options.inputs, options.walk, observer.warn);

    // Progress and warnings may come from several shard threads at once.
    std::mutex observer_mutex;
    std::size_t done = 0;
    IndexObserver shared = observer;
    shared.warn = [&](const std::string& message) {
        std::lock_guard guard(observer_mutex);
        observer.warn(message);
    };
    shared.progress = [&](std::size_t step, std::size_t) {
        std::lock_guard guard(observer_mutex);
        done += step;
        observer.progress(done, files.size());
    };

    const LengthNorm norm = choose_length_norm(options, files);
    observer.progress(0, files.size());
    IndexSummary summary;
    if (shards > 1) {
        // Each file lives in the shard its path hashes to; shards are built side by side.
        std::vector<std::vector<SourceFile>> parts(shards);
        for (const auto& file : files) {
            parts[fingerprint(file.path) % shards].push_back(file);
        }
        const auto shard = [&](std::size_t i) { return shard_dir(options.index_dir, i); };
        summary = update_side_by_side(parts, parts.size(), shard, shard, options, norm, shared, 0);
        if (!is_sharded(options.index_dir)) {
            write_stub(options.index_dir, shards);
        }
    } else if (const auto parts = fresh_parts(options, files); !parts.empty()) {
        clear_unfinished_build(options.index_dir);
        try {
            summary = update_side_by_side(parts, fresh_writers(),
                                          [&](std::size_t i) { return part_dir(options.index_dir, i); },
                                          [&](std::size_t) { return options.index_dir; }, options, norm,
                                          shared, Xapian::DB_NO_SYNC);
            merge_parts(options.index_dir, parts.size());
        } catch (...) {
            clear_unfinished_build(options.index_dir);
            throw;
        }
    } else {
        summary = update_one(options.index_dir, options.index_dir, files, worker_count(), options, norm, shared);
    }
    warn_if_average_drifted(options, norm, observer);
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return summary;
}

} // namespace kosh
