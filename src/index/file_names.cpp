// The names a source file goes by inside an index: its own term, its path-filter terms, and the
// metadata key of what the index remembers about it.
#include "index/file_names.h"

#include "index/schema.h"
#include "util/file_io.h"

#include <fmt/format.h>

#include <string_view>

namespace kosh {

namespace {

/// `prefix` + `path`, or `prefix` + "#" + a hash of `path` when `spelled_out` is false (the path
/// is too long for where the name goes): how both a file's term and its metadata key are named.
std::string name_for_path(std::string_view prefix, const std::string& path, bool spelled_out)
{
    if (spelled_out) {
        return std::string(prefix) + path;
    }
    return fmt::format("{}#{:016x}", prefix, fingerprint(path));
}

} // namespace

std::vector<std::string> path_terms(const std::string& path)
{
    std::vector<std::string> terms;
    auto add = [&](std::string_view value) {
        if (schema::fits_term(schema::k_path_prefix.size(), value)) {
            terms.push_back(schema::field_term(schema::k_path_prefix, value));
        }
    };
    add(path);
    for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        add(std::string_view(path).substr(0, slash + 1));
    }
    return terms;
}

std::string file_term(const std::string& path)
{
    return name_for_path(schema::k_path_prefix, path, schema::fits_term(schema::k_path_prefix.size(), path));
}

std::string file_state_key(const std::string& path)
{
    return name_for_path(schema::k_meta_file_prefix, path, !schema::needs_hashed_key(path));
}

} // namespace kosh
