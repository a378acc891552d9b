// Sharded indexes: a Xapian stub file (index/XAPIANDB) that lists the shards searched as one.
#include "index/shards.h"

#include "util/error.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace kosh {

fs::path stub_path(const fs::path& index_dir)
{
    std::error_code error;
    if (fs::is_regular_file(index_dir, error)) {
        return index_dir;
    }
    return index_dir / "XAPIANDB";
}

bool is_sharded(const fs::path& index_dir)
{
    std::error_code error;
    return fs::is_regular_file(stub_path(index_dir), error);
}

namespace {

bool parse_host_port(const std::string& word, ShardRef& shard)
{
    const auto colon = word.rfind(':');
    if (colon == std::string::npos || colon + 1 == word.size()) {
        return false;
    }
    try {
        std::size_t used = 0;
        shard.port = std::stoi(word.substr(colon + 1), &used);
        if (used != word.size() - colon - 1) {
            return false;
        }
    } catch (const std::exception&) {
        return false;
    }
    shard.host = colon == 0 ? "localhost" : word.substr(0, colon);
    return true;
}

} // namespace

std::vector<ShardRef> read_stub(const fs::path& index_dir)
{
    const fs::path stub = stub_path(index_dir);
    std::ifstream in(stub);
    if (!in) {
        throw Fatal(fmt::format("{}: cannot read the shard list", stub.string()));
    }
    std::vector<ShardRef> shards;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream words(line);
        std::string kind;
        if (!(words >> kind) || kind[0] == '#') {
            continue;
        }
        ShardRef shard;
        std::string first;
        if ((kind == "auto" || kind == "glass") && words >> std::ws && std::getline(words, line)) {
            shard.path = fs::path(line).is_absolute() ? fs::path(line) : stub.parent_path() / line;
        } else if (kind == "remote" && words >> first && first == "tcp" && words >> shard.host >> shard.port) {
            // "remote tcp HOST PORT": a shard served by xapian-tcpsrv
        } else if (kind == "remote" && parse_host_port(first, shard)) {
            // "remote HOST:PORT": Xapian's own spelling of the same
        } else {
            throw Fatal(fmt::format("{}:{}: expected 'auto PATH', 'remote tcp HOST PORT' or 'remote HOST:PORT'",
                                    stub.string(), number));
        }
        shards.push_back(std::move(shard));
    }
    return shards;
}

fs::path shard_dir(const fs::path& index_dir, std::size_t i)
{
    return index_dir / fmt::format("shard-{}", i);
}

void write_stub(const fs::path& index_dir, std::size_t count)
{
    std::string text = "# kosh: the shards of this index, searched as one (see xapian's stub database format)\n";
    for (std::size_t i = 0; i < count; ++i) {
        text += fmt::format("auto shard-{}\n", i);
    }
    const fs::path stub = stub_path(index_dir);
    const fs::path temporary = stub.string() + ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            throw Fatal(fmt::format("{}: cannot write the shard list", temporary.string()));
        }
    }
    fs::rename(temporary, stub);
}

Xapian::Database open_shard(const ShardRef& shard)
{
    if (shard.remote()) {
        return Xapian::Remote::open(shard.host, static_cast<unsigned>(shard.port));
    }
    return Xapian::Database(shard.path.string());
}

} // namespace kosh
