// Tests for plan_run: which roots a `kosh index` run walks, may drop from, and keeps.
#include "index/root_plan.h"
#include "util/error.h"

#include <catch2/catch.hpp>

#include <set>

namespace {

using kosh::IndexRequest;
using kosh::IndexRoot;
using kosh::RunPlan;
using Mode = IndexRequest::Mode;
using Strings = std::vector<std::string>;

const std::set<std::string> k_on_disk = {"/home/ann/notes", "/home/ann/docs", "/home/ann/notes/old", "/home/ann"};

bool on_disk(const std::string& path)
{
    return k_on_disk.contains(path);
}

Strings paths_of(const std::vector<IndexRoot>& roots)
{
    Strings paths;
    for (const auto& root : roots) {
        paths.push_back(root.path);
    }
    return paths;
}

RunPlan plan(const std::vector<IndexRoot>& stored, Mode mode, Strings paths = {}, bool rebuild = false)
{
    return kosh::plan_run(stored, IndexRequest{mode, std::move(paths), std::nullopt, rebuild}, on_disk);
}

const std::vector<IndexRoot> k_two_roots = {{"/home/ann/docs", {}}, {"/home/ann/notes", {}}};

} // namespace

TEST_CASE("plan_run: new paths become roots, and only they are walked and may lose files", "[root_plan]")
{
    const RunPlan first = plan({}, Mode::add, {"/home/ann/notes"});
    CHECK(paths_of(first.roots) == Strings{"/home/ann/notes"});
    CHECK(paths_of(first.walk) == Strings{"/home/ann/notes"});
    CHECK(first.scope == Strings{"/home/ann/notes"});

    const RunPlan second = plan(first.roots, Mode::add, {"/home/ann/docs"});
    CHECK(paths_of(second.roots) == Strings{"/home/ann/docs", "/home/ann/notes"});
    CHECK(paths_of(second.walk) == Strings{"/home/ann/docs"});
    CHECK(second.scope == Strings{"/home/ann/docs"}); // the notes are not dropped
}

TEST_CASE("plan_run: a bare run walks every root, and keeps a missing root's files", "[root_plan]")
{
    const std::vector<IndexRoot> stored = {{"/home/ann/notes", {}}, {"/media/usb/books", {}}};
    const RunPlan run = plan(stored, Mode::update_all);
    CHECK(paths_of(run.walk) == Strings{"/home/ann/notes"});
    CHECK(run.scope == Strings{"/home/ann/notes"});
    CHECK(run.missing == Strings{"/media/usb/books"});
    CHECK(run.roots == stored);

    CHECK_THROWS_WITH(plan({}, Mode::update_all), Catch::StartsWith("nothing to index yet"));
    CHECK_THROWS_WITH(plan(stored, Mode::update_all, {}, true),
                      Catch::StartsWith("/media/usb/books: this root is missing"));
}

TEST_CASE("plan_run: a path inside a root updates that part; a path around roots takes them in", "[root_plan]")
{
    kosh::WalkOptions no_logs;
    no_logs.exclude = {"*.log"};
    const std::vector<IndexRoot> stored = {{"/home/ann/notes", no_logs}};
    const RunPlan inside = plan(stored, Mode::add, {"/home/ann/notes/old"});
    CHECK(inside.roots == stored);
    REQUIRE(inside.walk.size() == 1);
    CHECK(inside.walk[0].walk == no_logs); // walked as part of its root
    CHECK(inside.scope == Strings{"/home/ann/notes/old"});

    const RunPlan around = plan(k_two_roots, Mode::add, {"/home/ann"});
    CHECK(paths_of(around.roots) == Strings{"/home/ann"});
    CHECK(around.scope == Strings{"/home/ann"});
}

TEST_CASE("plan_run: walk options given again for a root replace its stored ones", "[root_plan]")
{
    kosh::WalkOptions all;
    all.all_files = true;
    const RunPlan run = kosh::plan_run(k_two_roots, IndexRequest{Mode::add, {"/home/ann/notes"}, all, false}, on_disk);
    CHECK(run.roots[1].walk == all);
    CHECK(run.roots[0].walk == kosh::WalkOptions{});
}

TEST_CASE("plan_run: --remove drops a root and its files, and names a path that is no root", "[root_plan]")
{
    const RunPlan run = plan(k_two_roots, Mode::remove, {"/home/ann/docs"});
    CHECK(paths_of(run.roots) == Strings{"/home/ann/notes"});
    CHECK(run.walk.empty());
    CHECK(run.scope == Strings{"/home/ann/docs"});
    // A missing root can be removed: that is how its kept files go.
    const RunPlan gone = plan({{"/media/usb/books", {}}}, Mode::remove, {"/media/usb/books"});
    CHECK(gone.roots.empty());
    CHECK_THROWS_WITH(plan(k_two_roots, Mode::remove, {"/home/ann/notes/old"}),
                      "/home/ann/notes/old: not a root of this index; kosh index --list shows them");
}

TEST_CASE("plan_run: --only makes the paths the only roots and may drop anything else", "[root_plan]")
{
    const RunPlan run = plan(k_two_roots, Mode::only, {"/home/ann/notes/old"});
    CHECK(paths_of(run.roots) == Strings{"/home/ann/notes/old"});
    CHECK(paths_of(run.walk) == Strings{"/home/ann/notes/old"});
    CHECK(run.scope == Strings{"/"});
}

TEST_CASE("plan_run: a refresh re-reads files that exist and drops those that do not, roots unchanged", "[root_plan]")
{
    const RunPlan run = plan(k_two_roots, Mode::refresh, {"/home/ann/notes", "/home/ann/notes/gone.md"});
    CHECK(paths_of(run.walk) == Strings{"/home/ann/notes"});
    CHECK(run.scope == Strings{"/home/ann/notes", "/home/ann/notes/gone.md"});
    CHECK(run.roots == k_two_roots);
}

TEST_CASE("plan_run: --rebuild walks every root whatever the paths", "[root_plan]")
{
    const RunPlan run = plan(k_two_roots, Mode::add, {"/home/ann/notes"}, true);
    CHECK(paths_of(run.walk) == Strings{"/home/ann/docs", "/home/ann/notes"});
}
