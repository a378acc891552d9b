// The passages around a result in its own file.
#include "search/passage_context.h"

#include "index/file_names.h"
#include "index/passage_record.h"
#include "util/ascii.h"
#include "util/byte_span.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

namespace kosh {

namespace {

PassageHit context_hit(const PassageRecord& record)
{
    PassageHit hit;
    hit.path = record.path;
    hit.line = record.passage.first_line;
    hit.last_line = record.passage.last_line;
    hit.page = record.passage.page;
    hit.chapter = record.passage.chapter;
    hit.title = record.title;
    hit.sections = record.passage.sections;
    hit.text = record.passage.text;
    hit.code = tidy_spans(record.passage.code, hit.text.size());
    hit.format = record.format;
    return hit;
}

/// Every passage of the file `path`, in the order the file has them (the order they were added).
std::vector<PassageRecord> file_passages(const Xapian::Database& db, const std::string& path)
{
    std::vector<PassageRecord> records;
    const std::string term = file_term(path);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
        if (auto record = decode_record(db.get_document(*posting).get_data())) {
            records.push_back(std::move(*record));
        }
    }
    return records;
}

std::string_view trimmed_end(std::string_view text)
{
    while (!text.empty() && is_ascii_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

bool introduces_what_follows(std::string_view text)
{
    text = trimmed_end(text);
    if (text.ends_with(':')) {
        return true;
    }
    while (!text.empty() && (text.back() == '.' || text.back() == ',')) {
        text.remove_suffix(1);
    }
    const std::string tail = ascii_lower(text.substr(text.size() - std::min<std::size_t>(text.size(), 16)));
    constexpr std::array<std::string_view, 3> k_announcements = {"as follows", "for example", "the following"};
    return std::any_of(k_announcements.begin(), k_announcements.end(),
                       [&](std::string_view words) { return tail.ends_with(words); });
}

void add_passage_context(QuestionResult& result, const Xapian::Database& db, int around)
{
    std::map<std::string, std::vector<PassageRecord>> files; // each file read once, however many hits it has
    for (PassageHit& hit : result.passages) {
        const bool complete = introduces_what_follows(hit.text);
        if (around <= 0 && !complete) {
            continue;
        }
        auto [file, unread] = files.try_emplace(hit.path);
        if (unread) {
            file->second = file_passages(db, hit.path);
        }
        const std::vector<PassageRecord>& records = file->second;
        const auto at = std::find_if(records.begin(), records.end(), [&](const PassageRecord& record) {
            return record.passage.first_line == hit.line && record.passage.page == hit.page &&
                   record.passage.chapter == hit.chapter && record.passage.text == hit.text;
        });
        if (at == records.end()) {
            continue;
        }
        const auto index = at - records.begin();
        const auto before = std::max<std::ptrdiff_t>(0, index - around);
        const auto after =
            std::min<std::ptrdiff_t>(std::ssize(records) - 1, index + std::max(around, complete ? 1 : 0));
        for (auto i = before; i < index; ++i) {
            hit.before.push_back(context_hit(records[static_cast<std::size_t>(i)]));
        }
        for (auto i = index + 1; i <= after; ++i) {
            hit.after.push_back(context_hit(records[static_cast<std::size_t>(i)]));
        }
    }
}

} // namespace kosh
