"""Source code, data, minified bundles, lock files and logs found in folders are not documents:
`kosh index` leaves them out, says so in one line on stderr, and takes them when an --include
glob names them, with --all-files, or when a file is named on the command line.
"""
import json

from harness import Workspace, check, main

SUMMARY = ("kosh: 6 files left out as not documents: 2 source code, 1 data, 1 minified, 1 lock file, 1 log; "
           "--include GLOB or --all-files takes them")


def mixed_folder():
    ws = Workspace()
    ws.write("docs/README.md", "# Glaciers\n\nGlaciers in the Himalaya feed the great rivers of South Asia.\n")
    ws.write("docs/notes.txt", "Notes\n\nMeltwater from the glaciers reaches the plains in spring.\n")
    ws.write("docs/build.sh", "#!/bin/sh\n# glaciers build script\nmake glaciers\n")
    ws.write("docs/main.c", "/* glaciers */\nint main(void) { return 0; }\n")
    ws.write("docs/data.json", '{"glaciers": 42}\n')
    ws.write("docs/app.min.js", "var glaciers=1;" * 200 + "\n")
    ws.write("docs/yarn.lock", "# glaciers lock\nleft-pad@1.0.0\n")
    ws.write("docs/debug.log", "12:00 glaciers loaded\n")
    return ws


def indexed_files(ws):
    return json.loads(ws.kosh("stats", "--json", expect=0).stdout.splitlines()[0])["files"]


def found_paths(ws, query):
    run = ws.kosh("search", "--json", query, expect=None)
    return sorted({passage["path"] for line in run.stdout.splitlines() for passage in json.loads(line)["passages"]})


def test_only_documents_are_indexed_with_one_summary_line():
    with mixed_folder() as ws:
        run = ws.kosh("index", "docs", expect=0)
        check(run.stderr == SUMMARY + "\n", "stderr is not the one summary line", run)
        check("2 files indexed (" in run.stdout, "stdout summary is wrong", run)
        check(indexed_files(ws) == 2, "only README.md and notes.txt should be indexed")
        check(found_paths(ws, "glaciers") == ["docs/README.md", "docs/notes.txt"], "search finds a non-document")


def test_nothing_is_printed_when_nothing_is_left_out():
    with Workspace() as ws:
        ws.write("docs/README.md", "# Glaciers\n\nGlaciers feed rivers.\n")
        run = ws.kosh("index", "docs", expect=0)
        check(run.stderr == "", "stderr should be empty", run)


def test_include_glob_takes_a_left_out_file():
    with mixed_folder() as ws:
        run = ws.kosh("index", "--include", "*.sh", "docs", expect=0)
        check(run.stderr == "", "nothing is left out when include globs choose", run)
        check(found_paths(ws, "glaciers") == ["docs/build.sh"], "--include '*.sh' should take build.sh")


def test_exclude_still_wins_over_include():
    with mixed_folder() as ws:
        ws.kosh("index", "--include", "*.sh", "--include", "*.md", "--exclude", "build.sh", "docs", expect=0)
        check(found_paths(ws, "glaciers") == ["docs/README.md"], "--exclude should still exclude")


def test_all_files_takes_everything():
    with mixed_folder() as ws:
        run = ws.kosh("index", "--all-files", "docs", expect=0)
        check(run.stderr == "", "nothing is left out with --all-files", run)
        check(indexed_files(ws) == 8, "--all-files should index all eight files")


def test_a_file_named_directly_is_taken():
    with mixed_folder() as ws:
        run = ws.kosh("index", "docs/main.c", expect=0)
        check(run.stderr == "", "a file named directly is not left out", run)
        check(found_paths(ws, "glaciers") == ["docs/main.c"], "main.c named directly should be indexed")


def test_quiet_prints_no_summary():
    with mixed_folder() as ws:
        run = ws.kosh("index", "-q", "docs", expect=0)
        check(run.stderr == "" and run.stdout == "", "-q prints no summary", run)


if __name__ == "__main__":
    main([test_only_documents_are_indexed_with_one_summary_line, test_nothing_is_printed_when_nothing_is_left_out,
          test_include_glob_takes_a_left_out_file, test_exclude_still_wins_over_include,
          test_all_files_takes_everything, test_a_file_named_directly_is_taken, test_quiet_prints_no_summary])
