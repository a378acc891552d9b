// Tests for the `kosh stats` renderings: exact text and JSON for known figures.
#include "output/stats_printer.h"

#include <catch2/catch.hpp>

namespace {

const kosh::PathForms k_paths{"/home/ann/work", "/home/ann", false};

kosh::IndexStats sample_stats()
{
    kosh::IndexStats stats;
    stats.index_dir = "idx";
    stats.files = 3;
    stats.files_by_format = {{"text", 1}, {"markdown", 2}};
    stats.passages = 120;
    stats.terms = 4567;
    stats.bytes_on_disk = 2'345'678;
    stats.language = "english";
    stats.indexed_at = "2026-01-02T03:04:05Z";
    stats.average_length = 132.44735;
    return stats;
}

} // namespace

TEST_CASE("format_stats_text prints one aligned figure a line", "[output]")
{
    CHECK(kosh::format_stats_text(sample_stats(), k_paths) == "index:        idx\n"
                                                              "files:        3\n"
                                                              "formats:      markdown 2, text 1\n"
                                                              "passages:     120\n"
                                                              "terms:        4567\n"
                                                              "size:         2.3 MB (2345678 bytes)\n"
                                                              "language:     english\n"
                                                              "last indexed: 2026-01-02T03:04:05Z\n"
                                                              "avg length:   132.447\n");
}

TEST_CASE("format_stats_json writes one object with escaped strings", "[output]")
{
    kosh::IndexStats stats = sample_stats();
    CHECK(
        kosh::format_stats_json(stats, k_paths) ==
        "{\"index\": \"idx\", \"files\": 3, \"formats\": {\"markdown\": 2, \"text\": 1}, \"passages\": 120, \"terms\": 4567, \"bytes\": 2345678, "
        "\"language\": \"english\", \"indexed_at\": \"2026-01-02T03:04:05Z\", \"average_length\": 132.447, \"roots\": []}\n");

    SECTION("a folder name with quotes, a line break or invalid UTF-8 stays valid JSON")
    {
        stats.index_dir = "my \"idx\"\n\xFF";
        const std::string json = kosh::format_stats_json(stats, k_paths);
        CHECK(json.starts_with("{\"index\": \"my \\\"idx\\\"\\n\\ufffd\", \"files\": 3,"));
    }
}

TEST_CASE("format_stats leaves the formats line out for an empty index, and gives JSON an empty object", "[output]")
{
    kosh::IndexStats stats = sample_stats();
    stats.files = 0;
    stats.files_by_format.clear();
    CHECK(kosh::format_stats_text(stats, k_paths).find("formats") == std::string::npos);
    CHECK(kosh::format_stats_json(stats, k_paths).find("\"files\": 0, \"formats\": {}, ") != std::string::npos);
}

TEST_CASE("roots are listed in the shortest form, with their files, and a missing one says so", "[output]")
{
    kosh::IndexStats stats = sample_stats();
    stats.roots = {{"/home/ann/notes", 2, false}, {"/home/ann/work/docs", 1, false}, {"/media/usb/books", 0, true}};
    CHECK(kosh::format_roots_text(stats.roots, k_paths) ==
          "~/notes  2 files\n"
          "docs  1 file\n"
          "/media/usb/books  0 files (missing: kept until 'kosh index --remove /media/usb/books')\n");
    CHECK(kosh::format_stats_text(stats, k_paths)
              .ends_with("avg length:   132.447\n"
                         "roots:        ~/notes  2 files\n"
                         "              docs  1 file\n"
                         "              /media/usb/books  0 files (missing: kept until "
                         "'kosh index --remove /media/usb/books')\n"));
    CHECK(kosh::format_roots_json({stats.roots[0]}, k_paths) ==
          "{\"path\": \"~/notes\", \"absolute_path\": \"/home/ann/notes\", \"files\": 2, \"missing\": false}\n");
    CHECK(kosh::format_stats_json(stats, k_paths).find("\"roots\": [{\"path\": \"~/notes\", ") != std::string::npos);
}
