// Which databases a run writes: the shards of a sharded index, the parts of a fresh build that
// are merged into one database, or just the one database.
#include "index/index_layout.h"

#include "index/fresh_build.h"
#include "index/shards.h"
#include "index/worker_count.h"
#include "util/error.h"
#include "util/file_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace kosh {

std::size_t shard_count(const IndexOptions& options)
{
    std::error_code error;
    const bool single = fs::exists(options.index_dir / "iamglass", error);
    if (is_sharded(options.index_dir)) {
        const auto shards = read_stub(options.index_dir);
        for (std::size_t i = 0; i < shards.size(); ++i) {
            if (shards[i].remote() ||
                shards[i].path.lexically_normal() != shard_dir(options.index_dir, i).lexically_normal()) {
                throw Fatal(fmt::format("{}: lists shards kosh did not make (remote or elsewhere); index each shard "
                                        "on its own, then list it in the stub",
                                        stub_path(options.index_dir).string()));
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

std::size_t fresh_writers()
{
    return std::min(2U, worker_count());
}

std::vector<std::vector<SourceFile>> fresh_parts(const IndexOptions& options, const std::vector<SourceFile>& files)
{
    if (!holds_no_index(options.index_dir)) {
        return {};
    }
    return split_in_parts(files, fresh_writers());
}

std::vector<std::vector<SourceFile>> split_by_shard(const std::vector<SourceFile>& files, std::size_t shards)
{
    std::vector<std::vector<SourceFile>> parts(shards);
    for (const auto& file : files) {
        parts[fingerprint(file.path) % shards].push_back(file);
    }
    return parts;
}

} // namespace kosh
