// What one `kosh index` run walks, what it may drop, and which roots the index keeps after it.
#include "index/root_plan.h"

#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace kosh {

namespace {

using Mode = IndexRequest::Mode;

/// The stored root `path` lies within, if any.
std::vector<IndexRoot>::iterator root_holding(std::vector<IndexRoot>& roots, const std::string& path)
{
    return std::find_if(roots.begin(), roots.end(), [&](const IndexRoot& root) { return is_within(path, root.path); });
}

/// Adds `path` as a root, taking in the roots below it; a path within a root stays part of that
/// root. Returns the walk options to walk `path` with.
WalkOptions add_root(std::vector<IndexRoot>& roots, const std::string& path, const std::optional<WalkOptions>& walk)
{
    if (auto holder = root_holding(roots, path); holder != roots.end()) {
        if (holder->path == path && walk) {
            holder->walk = *walk; // options given again for a root replace its stored ones
        }
        return walk.value_or(holder->walk);
    }
    std::erase_if(roots, [&](const IndexRoot& root) { return is_within(root.path, path); });
    roots.push_back(IndexRoot{path, walk.value_or(WalkOptions{})});
    std::sort(roots.begin(), roots.end(), [](const IndexRoot& a, const IndexRoot& b) { return a.path < b.path; });
    return root_holding(roots, path)->walk; // the new root: nothing else holds `path`
}

void remove_roots(RunPlan& plan, const std::vector<std::string>& paths)
{
    for (const auto& path : paths) {
        const auto found = std::find_if(plan.roots.begin(), plan.roots.end(),
                                        [&](const IndexRoot& root) { return root.path == path; });
        if (found == plan.roots.end()) {
            throw Fatal(fmt::format("{}: not a root of this index; kosh index --list shows them", path));
        }
        plan.roots.erase(found);
        plan.scope.push_back(path);
    }
}

/// Walks every root (for update_all and --rebuild): those on disk, and notes the others.
void walk_every_root(RunPlan& plan, const std::function<bool(const std::string&)>& exists)
{
    plan.walk.clear();
    plan.scope.clear();
    for (const auto& root : plan.roots) {
        if (exists(root.path)) {
            plan.walk.push_back(root);
            plan.scope.push_back(root.path);
        } else {
            plan.missing.push_back(root.path);
        }
    }
}

} // namespace

RunPlan plan_run(const std::vector<IndexRoot>& stored, const IndexRequest& request,
                 const std::function<bool(const std::string&)>& exists)
{
    RunPlan plan;
    plan.roots = stored;
    switch (request.mode) {
    case Mode::update_all:
        if (stored.empty()) {
            throw Fatal("nothing to index yet: name the files and folders to index, as in 'kosh index ~/notes'");
        }
        if (request.walk) {
            for (auto& root : plan.roots) {
                root.walk = *request.walk;
            }
        }
        walk_every_root(plan, exists);
        break;
    case Mode::add:
        for (const auto& path : request.paths) {
            const WalkOptions walk = add_root(plan.roots, path, request.walk);
            plan.walk.push_back(IndexRoot{path, walk});
            plan.scope.push_back(path);
        }
        break;
    case Mode::remove: remove_roots(plan, request.paths); break;
    case Mode::only:
        plan.roots.clear();
        for (const auto& path : request.paths) {
            add_root(plan.roots, path, request.walk);
        }
        plan.walk = plan.roots;
        plan.scope = {"/"};
        break;
    case Mode::changes:
        for (const auto& path : request.paths) {
            const auto root = root_holding(plan.roots, path);
            if (root == plan.roots.end()) {
                continue; // not within the index's roots: not its business
            }
            if (exists(path)) {
                WalkOptions walk = root->walk;
                walk.relative_to = root->path;
                walk.filter_named_files = true;
                plan.walk.push_back(IndexRoot{path, walk});
            }
            plan.scope.push_back(path);
        }
        break;
    case Mode::refresh:
        for (const auto& path : request.paths) {
            // Named directly, as a file is by the command line: read whatever it is.
            if (exists(path)) {
                plan.walk.push_back(IndexRoot{path, WalkOptions{}});
            }
            plan.scope.push_back(path);
        }
        break;
    }
    if (request.rebuild && request.mode != Mode::refresh && request.mode != Mode::changes) {
        // A rebuild forgets every file, so it has to read every root again.
        walk_every_root(plan, exists);
        if (!plan.missing.empty()) {
            throw Fatal(fmt::format("{}: this root is missing, so --rebuild could not read its files again; "
                                    "bring it back, or drop it first with 'kosh index --remove {}'",
                                    plan.missing.front(), plan.missing.front()));
        }
    }
    return plan;
}

} // namespace kosh
