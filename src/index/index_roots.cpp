// The files and folders an index was given (its roots), kept in its metadata.
#include "index/index_roots.h"

#include "index/schema.h"
#include "util/error.h"
#include "util/field_codec.h"

#include <fmt/format.h>
#include <xapian.h>

namespace kosh {

namespace {

void put_globs(std::string& out, const std::vector<std::string>& globs)
{
    put_field(out, static_cast<std::int64_t>(globs.size()));
    for (const auto& glob : globs) {
        put_field(out, glob);
    }
}

std::vector<std::string> read_globs(FieldReader& reader)
{
    std::vector<std::string> globs;
    const auto count = reader.number<std::size_t>();
    for (std::size_t i = 0; reader.ok && i < count; ++i) {
        globs.emplace_back(reader.field());
    }
    return globs;
}

} // namespace

std::string encode_roots(const std::vector<IndexRoot>& roots)
{
    std::string out;
    put_field(out, static_cast<std::int64_t>(roots.size()));
    for (const auto& root : roots) {
        put_field(out, root.path);
        put_field(out, root.walk.all_files ? "1" : "0");
        put_globs(out, root.walk.include);
        put_globs(out, root.walk.exclude);
    }
    return out;
}

std::optional<std::vector<IndexRoot>> decode_roots(std::string_view data)
{
    FieldReader reader{data};
    std::vector<IndexRoot> roots;
    const auto count = reader.number<std::size_t>();
    for (std::size_t i = 0; reader.ok && i < count; ++i) {
        IndexRoot root;
        root.path = reader.field();
        root.walk.all_files = reader.field() == "1";
        root.walk.include = read_globs(reader);
        root.walk.exclude = read_globs(reader);
        roots.push_back(std::move(root));
    }
    if (!reader.ok || !reader.data.empty()) {
        return std::nullopt;
    }
    return roots;
}

std::vector<IndexRoot> stored_roots(const Xapian::Database& db)
{
    const std::string data = db.get_metadata(std::string(schema::k_meta_roots));
    if (data.empty()) {
        return {};
    }
    auto roots = decode_roots(data);
    if (!roots) {
        throw Fatal("the index's list of roots is damaged; index again with --only PATH...");
    }
    return *roots;
}

bool is_within(std::string_view path, std::string_view folder)
{
    if (folder == "/") {
        return path.starts_with('/');
    }
    return path.starts_with(folder) && (path.size() == folder.size() || path[folder.size()] == '/');
}

} // namespace kosh
