// What an index remembers of each source file (size, mtime, fingerprint), kept in its metadata.
#include "index/file_states.h"

#include "index/file_names.h"
#include "index/schema.h"

#include <utility>

namespace kosh {

std::string path_of_state(std::string_view key, const std::optional<FileState>& state)
{
    if (state && !state->long_path.empty()) {
        return state->long_path;
    }
    return std::string(key.substr(schema::k_meta_file_prefix.size()));
}

std::map<std::string, FileState> load_file_states(const Xapian::Database& db)
{
    std::map<std::string, FileState> states;
    const std::string prefix(schema::k_meta_file_prefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        if (auto state = decode_file_state(db.get_metadata(*key))) {
            std::string path = path_of_state(*key, state);
            state->long_path.clear();
            states.emplace(std::move(path), *state);
        }
    }
    return states;
}

void store_file_state(Xapian::WritableDatabase& db, const std::string& path, FileState state)
{
    // A path too long for the key is hashed there (file_state_key), so it travels inside the state.
    if (schema::needs_hashed_key(path)) {
        state.long_path = path;
    }
    db.set_metadata(file_state_key(path), encode_file_state(state));
}

void erase_file_state(Xapian::WritableDatabase& db, const std::string& path)
{
    db.set_metadata(file_state_key(path), "");
}

} // namespace kosh
