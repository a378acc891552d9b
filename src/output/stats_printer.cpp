// Renders `kosh stats`: the figures of an index as text for people or one JSON object.
#include "output/stats_printer.h"

#include "output/json_writer.h"

#include <fmt/format.h>

#include <iterator>
#include <string_view>

namespace kosh {

namespace {

std::string root_json(const RootStats& root, const PathForms& paths)
{
    return fmt::format("{{\"path\": {}, \"absolute_path\": {}, \"files\": {}, \"missing\": {}}}",
                       json_escape(paths.shown(root.path)), json_escape(root.path), root.files,
                       root.missing ? "true" : "false");
}

} // namespace

std::string format_roots_text(const std::vector<RootStats>& roots, const PathForms& paths)
{
    std::string out;
    for (const auto& root : roots) {
        fmt::format_to(std::back_inserter(out), "{}  {} file{}{}\n", paths.shown(root.path), root.files,
                       root.files == 1 ? "" : "s",
                       root.missing ? fmt::format(" (missing: kept until 'kosh index --remove {}')", root.path) : "");
    }
    return out;
}

std::string format_roots_json(const std::vector<RootStats>& roots, const PathForms& paths)
{
    std::string out;
    for (const auto& root : roots) {
        out += root_json(root, paths);
        out += '\n';
    }
    return out;
}

std::string format_stats_text(const IndexStats& stats, const PathForms& paths)
{
    std::string out;
    auto line = std::back_inserter(out);
    fmt::format_to(line, "index:        {}\n", paths.shown(stats.index_dir));
    fmt::format_to(line, "files:        {}\n", stats.files);
    if (!stats.files_by_format.empty()) {
        std::string formats;
        for (const auto& [format, count] : stats.files_by_format) {
            formats += fmt::format("{}{} {}", formats.empty() ? "" : ", ", format, count);
        }
        fmt::format_to(line, "formats:      {}\n", formats);
    }
    fmt::format_to(line, "passages:     {}\n", stats.passages);
    fmt::format_to(line, "terms:        {}\n", stats.terms);
    fmt::format_to(line, "size:         {:.1f} MB ({} bytes)\n", static_cast<double>(stats.bytes_on_disk) / 1e6,
                   stats.bytes_on_disk);
    fmt::format_to(line, "language:     {}\n", stats.language);
    fmt::format_to(line, "last indexed: {}\n", stats.indexed_at);
    fmt::format_to(line, "avg length:   {:.6g}\n", stats.average_length);
    for (std::size_t i = 0; i < stats.roots.size(); ++i) {
        fmt::format_to(line, "{}{}", i == 0 ? "roots:        " : "              ",
                       format_roots_text({stats.roots[i]}, paths));
    }
    return out;
}

std::string format_stats_json(const IndexStats& stats, const PathForms& paths)
{
    std::string out = "{";
    auto member = [&](std::string_view name, const std::string& value) {
        if (out.size() > 1) {
            out += ", ";
        }
        out += json_escape(name);
        out += ": ";
        out += value;
    };
    member("index", json_escape(stats.index_dir));
    member("files", std::to_string(stats.files));
    std::string formats = "{";
    for (const auto& [format, count] : stats.files_by_format) {
        formats += fmt::format("{}{}: {}", formats.size() > 1 ? ", " : "", json_escape(format), count);
    }
    member("formats", formats + "}");
    member("passages", std::to_string(stats.passages));
    member("terms", std::to_string(stats.terms));
    member("bytes", std::to_string(stats.bytes_on_disk));
    member("language", json_escape(stats.language));
    member("indexed_at", json_escape(stats.indexed_at));
    member("average_length", json_significant(stats.average_length, 6));
    std::string roots = "[";
    for (const auto& root : stats.roots) {
        roots += (roots.size() > 1 ? ", " : "") + root_json(root, paths);
    }
    member("roots", roots + "]");
    out += "}\n";
    return out;
}

} // namespace kosh
