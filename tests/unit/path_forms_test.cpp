// Tests for PathForms: how stored paths are shown and how written ones are read.
#include "util/path_forms.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

namespace {

const kosh::PathForms k_forms{"/home/ann/work", "/home/ann", false};

} // namespace

TEST_CASE("PathForms::shown is relative below the current folder, ~/ below home, else absolute", "[path_forms]")
{
    CHECK(k_forms.shown("/home/ann/work/docs/a.md") == "docs/a.md");
    CHECK(k_forms.shown("/home/ann/notes/b.md") == "~/notes/b.md");
    CHECK(k_forms.shown("/usr/share/doc/c.txt") == "/usr/share/doc/c.txt");
    CHECK(k_forms.shown("/home/ann/workshop/d.md") == "~/workshop/d.md"); // not below "work"
    CHECK(k_forms.shown("/home/ann/work") == ".");
    CHECK(k_forms.shown("/home/ann") == "~");
    CHECK(k_forms.shown("relative/e.md") == "relative/e.md"); // an older index's own form
    const kosh::PathForms absolute{"/home/ann/work", "/home/ann", true};
    CHECK(absolute.shown("/home/ann/work/docs/a.md") == "/home/ann/work/docs/a.md");
    // At the root folder and without a home, nothing is shortened.
    const kosh::PathForms at_root{"/", "", false};
    CHECK(at_root.shown("/etc/motd") == "/etc/motd");
}

TEST_CASE("PathForms::resolved reads relative, ~/ and absolute paths, keeping a folder's slash", "[path_forms]")
{
    CHECK(k_forms.resolved("docs/a.md") == "/home/ann/work/docs/a.md");
    CHECK(k_forms.resolved("docs/") == "/home/ann/work/docs/");
    CHECK(k_forms.resolved("./docs/../notes/") == "/home/ann/work/notes/");
    CHECK(k_forms.resolved("~/notes/") == "/home/ann/notes/");
    CHECK(k_forms.resolved("~") == "/home/ann");
    CHECK(k_forms.resolved("/srv//docs/") == "/srv/docs/");
    CHECK(k_forms.resolved("..") == "/home/ann");
    CHECK(k_forms.resolved("/") == "/");
}

TEST_CASE("absolute_path makes a path absolute and normal, without a trailing slash", "[path_forms]")
{
    kosh::test::TempDir dir;
    kosh::test::ScopedCurrentDir cwd(dir.path());
    const std::string here = std::filesystem::current_path().generic_string();
    CHECK(kosh::absolute_path("docs/../notes/") == here + "/notes");
    CHECK(kosh::absolute_path(".") == here);
    CHECK(kosh::absolute_path("/srv//docs/") == "/srv/docs");
    CHECK(kosh::absolute_path("/") == "/");
}
