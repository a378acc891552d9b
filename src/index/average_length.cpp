// The average passage length a run divides by (length_norm.h): the index's own, the one asked
// for, or one measured on a sample of the corpus; and a warning when the index has drifted from it.
#include "index/average_length.h"

#include "index/document_builder.h"
#include "index/file_outcome.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/worker_count.h"
#include "parse/format.h"
#include "parse/parser.h"
#include "util/decompress.h"
#include "util/error.h"
#include "util/file_io.h"
#include "util/side_by_side.h"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <system_error>
#include <utility>

namespace fs = std::filesystem;

namespace kosh {

namespace {

constexpr std::uintmax_t k_sample_bytes = 2u << 20;

/// Which of `files` (by index) the sample reads: every n-th one with bytes in it.
std::vector<std::size_t> pick_sample(const std::vector<std::uintmax_t>& sizes)
{
    const std::uintmax_t total = std::accumulate(sizes.begin(), sizes.end(), std::uintmax_t{0});
    const std::uintmax_t stride = std::max<std::uintmax_t>(1, (total + k_sample_bytes - 1) / k_sample_bytes);
    std::vector<std::size_t> sample;
    for (std::size_t i = 0; i < sizes.size(); i += stride) {
        if (sizes[i] > 0) {
            sample.push_back(i);
        }
    }
    return sample;
}

/// The bytes of a sampled file, decompressed, and the name its format goes by.
struct Sample {
    std::string bytes;
    std::string format_path;
    bool whole = true; // false when cut to the sample's size
};

/// The bytes of a sampled file, cut to its last whole line when the file is bigger than the
/// sample; nullopt when it cannot be read. A compressed file, or one whose format is read from
/// its bytes (a PDF), is sampled only when it is small enough to read whole: neither can be cut.
std::optional<Sample> read_sample(const SourceFile& file, std::uintmax_t size)
{
    const bool whole = size <= k_sample_bytes;
    if (!whole && (is_compressed_name(file.path) || is_binary_format(detect_format(file.path, {})))) {
        return std::nullopt;
    }
    auto content = read_file(file.location, k_sample_bytes);
    if (content && !whole) {
        const std::size_t last_line_end = content->rfind('\n');
        content->resize(last_line_end == std::string::npos ? 0 : last_line_end + 1);
    }
    if (!content || content->empty()) {
        return std::nullopt;
    }
    auto unpacked = unpack_by_name(file.path, std::move(*content), k_sample_bytes);
    if (!unpacked) {
        return std::nullopt;
    }
    return Sample{std::move(unpacked->bytes), std::move(unpacked->name), whole};
}

struct LengthSum {
    double length = 0.0;
    std::size_t passages = 0;
};

} // namespace

double measure_average_length(const std::vector<SourceFile>& files, const PassageLimits& limits, SampledParses* sampled)
{
    const std::vector<std::uintmax_t> sizes = file_sizes(files);
    const std::vector<std::size_t> sample = pick_sample(sizes);
    // The writers wait for the average, so the sample is read on every core.
    const std::size_t threads = std::min<std::size_t>(worker_count(), std::max<std::size_t>(1, sample.size()));
    std::vector<LengthSum> sums(threads);
    run_side_by_side(threads, threads, [&](std::size_t part, const std::atomic<bool>&) {
        for (std::size_t k = part; k < sample.size(); k += threads) {
            const SourceFile& file = files[sample[k]];
            auto content = read_sample(file, sizes[sample[k]]);
            if (!content) {
                continue;
            }
            auto document = read_document(content->bytes, file.path, content->format_path);
            if (!document) {
                continue;
            }
            std::vector<std::string> warnings;
            auto passages = parse_passages(*document, limits, &warnings);
            for (const auto& passage : passages) {
                sums[part].length += static_cast<double>(DocumentBuilder::passage_length(passage));
                ++sums[part].passages;
            }
            // A file the reader warned about is parsed again when indexed, which shows the warning.
            if (sampled && content->whole && warnings.empty()) {
                sampled->keep(file.path, std::move(content->bytes), std::move(passages));
            }
        }
    });
    LengthSum all;
    for (const LengthSum& sum : sums) {
        all.length += sum.length;
        all.passages += sum.passages;
    }
    return all.passages == 0 || all.length == 0.0 ? k_default_average_length
                                                  : all.length / static_cast<double>(all.passages);
}

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

LengthNorm choose_length_norm(const IndexOptions& options, const std::vector<SourceFile>& files, SampledParses& sampled)
{
    if (!options.rebuild) {
        if (const auto stored = stored_length_norm(options.index_dir)) {
            if (options.average_length && LengthNorm(*options.average_length).encode() != stored->encode()) {
                throw Fatal(fmt::format(
                    "{}: the index divides by an average passage length of {} (see kosh stats), not "
                    "{}; add --rebuild to change it",
                    options.index_dir.string(), stored->encode(), LengthNorm(*options.average_length).encode()));
            }
            return *stored;
        }
    }
    if (options.average_length) {
        return LengthNorm(*options.average_length).as_stored();
    }
    return LengthNorm(measure_average_length(files, options.passage_limits, &sampled)).as_stored();
}

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
            observer.warn(
                fmt::format("{}: passages now average {:.1f} in length, but the index divides by {} (measured "
                            "when it was built); 'kosh index --rebuild' measures again",
                            options.index_dir.string(), average, norm.encode()));
        }
    } catch (const Xapian::Error&) {
        // Only advice: the index itself was committed.
    }
}

} // namespace kosh
