// Reads a synonyms file: groups of words and phrases that mean the same, one group a line.
#include "index/synonym_file.h"

#include "analyze/tokenizer.h"
#include "index/schema.h"
#include "util/file_io.h"

#include <fmt/format.h>

#include <algorithm>

namespace kosh {

namespace {

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

/// One entry's words, or a message saying why it cannot be one.
Expected<SynonymEntry> read_entry(std::string_view text)
{
    const std::string_view entry = trim(text);
    if (entry.empty()) {
        return Expected<SynonymEntry>::failure("an empty entry");
    }
    SynonymEntry words;
    std::size_t bytes = 0; // its synonym key written with its words: the stem marker, the words, a space between
    for (auto& token : tokenize(entry)) {
        bytes += token.term.size() + 1;
        words.push_back(std::move(token.term));
    }
    if (words.empty()) {
        return Expected<SynonymEntry>::failure(fmt::format("'{}' has no words", entry));
    }
    if (words.size() > k_max_synonym_words) {
        return Expected<SynonymEntry>::failure(
            fmt::format("'{}' has {} words; an entry has at most {}", entry, words.size(), k_max_synonym_words));
    }
    if (!schema::fits_term(bytes)) {
        return Expected<SynonymEntry>::failure(fmt::format("'{}' is too long", entry));
    }
    return words;
}

Expected<SynonymGroup> read_line(std::string_view line)
{
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
        return Expected<SynonymGroup>::failure("expected 'WORD = SYNONYM[, SYNONYM...]'");
    }
    if (line.find('=', equals + 1) != std::string_view::npos) {
        return Expected<SynonymGroup>::failure("more than one '='; write one group a line");
    }
    SynonymGroup group;
    auto add = [&](std::string_view text) -> std::string {
        auto entry = read_entry(text);
        if (!entry) {
            return entry.error();
        }
        if (std::find(group.begin(), group.end(), *entry) == group.end()) {
            group.push_back(std::move(*entry));
        }
        return {};
    };
    if (auto problem = add(line.substr(0, equals)); !problem.empty()) {
        return Expected<SynonymGroup>::failure(problem + " before '='");
    }
    std::string_view rest = line.substr(equals + 1);
    while (true) {
        const auto comma = rest.find(',');
        if (auto problem = add(rest.substr(0, comma)); !problem.empty()) {
            return Expected<SynonymGroup>::failure(problem + " after '='");
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest = rest.substr(comma + 1);
    }
    if (group.size() < 2) {
        return Expected<SynonymGroup>::failure("both sides of '=' are the same once normalized");
    }
    return group;
}

} // namespace

Expected<std::vector<SynonymGroup>> parse_synonyms(std::string_view text, const std::string& name)
{
    std::vector<SynonymGroup> groups;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const std::string_view line = trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
        ++number;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        auto group = read_line(line);
        if (!group) {
            return Expected<std::vector<SynonymGroup>>::failure(fmt::format("{}:{}: {}", name, number, group.error()));
        }
        groups.push_back(std::move(*group));
    }
    return groups;
}

Expected<std::vector<SynonymGroup>> read_synonyms(const std::string& path)
{
    auto content = read_file(path);
    if (!content) {
        return Expected<std::vector<SynonymGroup>>::failure(fmt::format("{}: {}", path, content.error()));
    }
    if (const std::string problem = check_text(*content); !problem.empty()) {
        return Expected<std::vector<SynonymGroup>>::failure(fmt::format("{}: {}", path, problem));
    }
    return parse_synonyms(*content, path);
}

} // namespace kosh
