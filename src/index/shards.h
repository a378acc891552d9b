// Sharded indexes: a Xapian stub file (index/XAPIANDB) that lists the shards searched as one.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kosh {

/// One line of a stub: a local shard folder, or a shard served by xapian-tcpsrv.
struct ShardRef {
    std::filesystem::path path; // local shards: absolute, resolved against the stub's folder
    std::string host;           // remote shards
    int port = 0;
    [[nodiscard]] bool remote() const { return !host.empty(); }
};

/// The stub file of a sharded index kept in `index_dir`, or `index_dir` itself when it is a stub file.
[[nodiscard]] std::filesystem::path stub_path(const std::filesystem::path& index_dir);

/// True when `index_dir` is a sharded index (a folder with XAPIANDB, or a stub file).
[[nodiscard]] bool is_sharded(const std::filesystem::path& index_dir);

/// Parses the stub: "auto PATH" (or "glass PATH"; relative to the stub's folder), and
/// "remote tcp HOST PORT" or Xapian's "remote HOST:PORT" for shards served by xapian-tcpsrv.
/// kosh opens stubs itself, so both spellings of a remote shard work.
/// Throws Fatal naming the stub and line when a line cannot be read.
[[nodiscard]] std::vector<ShardRef> read_stub(const std::filesystem::path& index_dir);

/// Opens one shard: a local folder, or a connection to xapian-tcpsrv.
[[nodiscard]] Xapian::Database open_shard(const ShardRef& shard);

/// The folder of shard `i` of a local sharded index.
[[nodiscard]] std::filesystem::path shard_dir(const std::filesystem::path& index_dir, std::size_t i);

/// Writes the stub for `count` local shards through a rename, so readers never see half of it.
void write_stub(const std::filesystem::path& index_dir, std::size_t count);

} // namespace kosh
