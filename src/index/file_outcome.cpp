// Works out what became of one source file since the last run, and prepares its passages:
// everything about a file that needs no database (stat, read, compare, parse, analyze).
#include "index/file_outcome.h"

#include "parse/format.h"
#include "parse/location.h"
#include "parse/parser.h"
#include "util/decompress.h"
#include "util/file_io.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include <sys/stat.h>

namespace kosh {

std::int64_t mtime_ns(const struct stat& info)
{
    return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

namespace {

FileOutcome failed(FileOutcome outcome, std::string warning)
{
    outcome.kind = FileOutcome::Kind::failed;
    outcome.warning = std::move(warning);
    return outcome;
}

/// The sampled passages of `file` when they were parsed from these very bytes, else a new read:
/// fails with the reason when the bytes cannot be read as their format.
Expected<std::vector<PassageRecord>> passages_of(const SourceFile& file, Unpacked unpacked, const PassageLimits& limits,
                                                 SampledParses* sampled, std::vector<std::string>& warnings)
{
    if (sampled) {
        if (auto passages = sampled->take(file.path, unpacked.bytes)) {
            return std::move(*passages);
        }
    }
    auto document = read_document(std::move(unpacked.bytes), file.path, unpacked.name);
    if (!document) {
        return Expected<std::vector<PassageRecord>>::failure(document.error());
    }
    return parse_passages(*document, limits, &warnings, file.name_in_messages());
}

/// Builds the documents of `passages` into `outcome`, or, for a big file, hands the passages over.
void add_passages(FileOutcome& outcome, std::vector<PassageRecord> passages, std::size_t content_bytes,
                  DocumentBuilder& builder)
{
    // A finished Xapian document takes tens of times its text's size; for a big file, building
    // all of them before the writer adds any cost 38x the file (1.8 GB for 50 MB). Such files
    // hand over their passages, and the writer builds and adds one document at a time.
    constexpr std::size_t k_big_file_bytes = 4u << 20;
    if (content_bytes > k_big_file_bytes) {
        outcome.records = std::move(passages);
        return;
    }
    outcome.documents.reserve(passages.size());
    for (const auto& passage : passages) {
        outcome.documents.push_back(builder.build(passage, outcome.spellings));
    }
}

} // namespace

std::vector<PassageRecord> parse_passages(const Document& document, const PassageLimits& limits,
                                          std::vector<std::string>* warnings, std::string_view name)
{
    for (const std::string& warning : document.warnings) {
        if (warnings) {
            warnings->push_back(fmt::format("{}: {}", name.empty() ? document.path : name, warning));
        }
    }
    std::vector<PassageRecord> records;
    for (auto& passage : split_passages(document, limits)) {
        locate_passage(document, passage);
        records.push_back(PassageRecord{document.path, document.title, std::move(passage), document.format});
    }
    return records;
}

FileOutcome process_file(const SourceFile& file, const std::optional<FileState>& known, DocumentBuilder& builder,
                         const PassageLimits& limits, SampledParses* sampled)
{
    FileOutcome outcome;
    struct stat info {};
    if (::stat(file.location.c_str(), &info) != 0) {
        return failed(std::move(outcome), fmt::format("{}: {}", file.name_in_messages(), std::strerror(errno)));
    }
    outcome.state = FileState{static_cast<std::uint64_t>(info.st_size), mtime_ns(info), 0, {}, {}};
    if (known && known->size == outcome.state.size && known->mtime_ns == outcome.state.mtime_ns) {
        outcome.kind = FileOutcome::Kind::unchanged;
        return outcome;
    }
    auto content = read_file(file.location);
    if (!content) {
        return failed(std::move(outcome), fmt::format("{}: {}", file.name_in_messages(), content.error()));
    }
    outcome.state.fingerprint = fingerprint(*content); // of the bytes on disk, compressed or not
    // A compressed file is read as what its inner name says ("guide.md" for "guide.md.gz").
    auto unpacked = unpack_by_name(file.path, std::move(*content));
    if (!unpacked) {
        return failed(std::move(outcome), fmt::format("{}: skipped: {}", file.name_in_messages(), unpacked.error()));
    }
    // Cheap (the name, at most the first bytes), and `kosh stats` counts files by it.
    outcome.state.format = std::string(format_name(detect_format(unpacked->name, unpacked->bytes)));
    if (known && known->fingerprint == outcome.state.fingerprint) {
        outcome.kind = FileOutcome::Kind::touched; // same bytes, new mtime: remember the new mtime only
        return outcome;
    }
    const std::size_t bytes = unpacked->bytes.size();
    std::vector<std::string> warnings;
    auto passages = passages_of(file, std::move(*unpacked), limits, sampled, warnings);
    if (!passages) {
        return failed(std::move(outcome), fmt::format("{}: skipped: {}", file.name_in_messages(), passages.error()));
    }
    add_passages(outcome, std::move(*passages), bytes, builder);
    outcome.kind = FileOutcome::Kind::indexed;
    for (const std::string& warning : warnings) {
        outcome.warning += (outcome.warning.empty() ? "" : "\n") + warning;
    }
    return outcome;
}

} // namespace kosh
