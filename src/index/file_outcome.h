// Works out what became of one source file since the last run, and prepares its passages:
// everything about a file that needs no database (stat, read, compare, parse, analyze).
#pragma once

#include "index/corpus_walker.h"
#include "index/document_builder.h"
#include "index/passage_record.h"
#include "index/sampled_parses.h"
#include "index/spelling_table.h"
#include "parse/passage_splitter.h"

#include <xapian.h>

#include <sys/stat.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kosh {

/// What became of one file, worked out on a worker thread and applied by the writer.
struct FileOutcome {
    enum class Kind { unchanged, touched, failed, indexed };
    Kind kind = Kind::unchanged;
    FileState state;     // for touched and indexed
    std::string warning; // for failed; for indexed, what the reader worked around (may be empty)
    std::vector<Xapian::Document> documents;
    std::vector<PassageRecord> records; // big files: analyzed by the writer, one at a time
    WordCounts spellings;               // passage-text words of `documents`
};

/// A file's modification time in nanoseconds, as its FileState keeps it.
[[nodiscard]] std::int64_t mtime_ns(const struct stat& info);

/// The passages of a parsed file, each in the record the index stores with it and placed by
/// its page or chapter (parse/location.h). The reader's warnings (Document::warnings), each
/// prefixed with `name` (by default the document's path), go to `warnings` if given.
[[nodiscard]] std::vector<PassageRecord> parse_passages(const Document& document, const PassageLimits& limits,
                                                        std::vector<std::string>* warnings = nullptr,
                                                        std::string_view name = {});

/// Compares `file` with `known`, what the index remembers of it, and reads, parses and builds
/// the documents of a new or changed one with `builder`. A file in `sampled` (may be null) with
/// the same bytes as when it was sampled is not parsed again.
[[nodiscard]] FileOutcome process_file(const SourceFile& file, const std::optional<FileState>& known,
                                       DocumentBuilder& builder, const PassageLimits& limits, SampledParses* sampled);

} // namespace kosh
