// The record stored with each passage, so results are printed without re-reading the source.
#include "index/passage_record.h"

#include "util/field_codec.h"

#include <cstdint>

namespace kosh {

namespace {

// "kosh1" records (index format 3 and older) had no format and no code spans; "kosh2" records
// (format 4) had no page or chapter.
constexpr std::string_view k_record_tag = "kosh3";

} // namespace

std::string encode_record(const PassageRecord& record)
{
    std::string out;
    out.reserve(record.passage.text.size() + record.path.size() + 64);
    put_field(out, k_record_tag);
    put_field(out, record.path);
    put_field(out, record.title);
    put_field(out, record.format);
    put_field(out, record.passage.first_line);
    put_field(out, record.passage.last_line);
    put_field(out, record.passage.page);
    put_field(out, record.passage.chapter);
    put_field(out, static_cast<std::int64_t>(record.passage.sections.size()));
    for (const auto& section : record.passage.sections) {
        put_field(out, section);
    }
    put_field(out, record.passage.text);
    put_field(out, static_cast<std::int64_t>(record.passage.code.size()));
    for (const ByteSpan& span : record.passage.code) {
        put_field(out, static_cast<std::int64_t>(span.begin));
        put_field(out, static_cast<std::int64_t>(span.end));
    }
    return out;
}

std::optional<PassageRecord> decode_record(std::string_view data)
{
    FieldReader reader{data};
    if (reader.field() != k_record_tag) {
        return std::nullopt;
    }
    PassageRecord record;
    record.path = reader.field();
    record.title = reader.field();
    record.format = reader.field();
    record.passage.first_line = reader.number<int>();
    record.passage.last_line = reader.number<int>();
    record.passage.page = reader.number<int>();
    record.passage.chapter = reader.number<int>();
    const auto sections = reader.number<std::size_t>();
    for (std::size_t i = 0; reader.ok && i < sections; ++i) {
        record.passage.sections.emplace_back(reader.field());
    }
    record.passage.text = reader.field();
    const auto spans = reader.number<std::size_t>();
    for (std::size_t i = 0; reader.ok && i < spans; ++i) {
        ByteSpan span;
        span.begin = reader.number<std::size_t>();
        span.end = reader.number<std::size_t>();
        if (span.begin > span.end || span.end > record.passage.text.size()) {
            reader.ok = false; // a span outside the text is a damaged record
        }
        record.passage.code.push_back(span);
    }
    if (!reader.ok) {
        return std::nullopt;
    }
    return record;
}

std::string encode_file_state(const FileState& state)
{
    std::string out;
    put_field(out, static_cast<std::int64_t>(state.size));
    put_field(out, state.mtime_ns);
    put_field(out, std::to_string(state.fingerprint));
    // Optional fields last, so that an older index's states still decode (with no format).
    if (!state.long_path.empty() || !state.format.empty()) {
        put_field(out, state.long_path);
    }
    if (!state.format.empty()) {
        put_field(out, state.format);
    }
    return out;
}

std::optional<FileState> decode_file_state(std::string_view data)
{
    FieldReader reader{data};
    FileState state;
    state.size = reader.number<std::uint64_t>();
    state.mtime_ns = reader.number<std::int64_t>();
    state.fingerprint = reader.number<std::uint64_t>();
    if (reader.ok && !reader.data.empty()) {
        state.long_path = std::string(reader.field());
    }
    if (reader.ok && !reader.data.empty()) {
        state.format = std::string(reader.field());
    }
    if (!reader.ok) {
        return std::nullopt;
    }
    return state;
}

} // namespace kosh
