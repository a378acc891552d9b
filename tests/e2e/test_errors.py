"""Exit codes and error messages: 0 found, 1 nothing found, 2 error; one clear line, never a crash."""
from harness import Workspace, check, error_line, indexed_workspace, main


NO_INDEX = "no index here; index files and folders with 'kosh index PATH...' first (or point --index or KOSH_INDEX at an index)"


def test_missing_index_says_run_kosh_index():
    with Workspace() as ws:
        error_line(ws.kosh("ask", "anything at all", expect=2), f"kosh: index: {NO_INDEX}")
        error_line(ws.kosh("stats", expect=2), f"kosh: index: {NO_INDEX}")
        error_line(ws.kosh("search", "--index", "elsewhere", "word", expect=2), f"kosh: elsewhere: {NO_INDEX}")


def test_kosh_index_env_var_names_the_index():
    with indexed_workspace() as ws:
        ws.kosh("index", "-q", "--index", "other", "corpus", expect=0)
        run = ws.kosh("stats", "--json", env={"KOSH_INDEX": "other"}, expect=0)
        check(run.jsonl()[0]["index"] == "other", "KOSH_INDEX ignored", run)


def test_found_and_not_found_exit_codes():
    with indexed_workspace() as ws:
        ws.kosh("ask", "Soviet", "scholarships", "for", "Nepali", "students", expect=0)
        run = ws.kosh("ask", "Who won the 2018 FIFA World Cup?", expect=1)
        check("No passages found." in run.stdout, "no 'No passages found.' line", run)
        ws.kosh("search", "hydropower", expect=0)
        ws.kosh("search", "zeppelin", expect=1)


def test_usage_errors_exit_2():
    with indexed_workspace() as ws:
        cases = [
            (("ask",), "kosh: no question given (usage: kosh ask QUESTION..., or kosh ask --batch FILE)"),
            (("ask", ""), "kosh: the question has no words to search for"),
            (("ask", "   "), "kosh: the question has no words to search for"),
            (("ask", "--format", "yaml", "why"), "kosh: unknown --format 'yaml' (use text, json, tsv or trec)"),
            (("ask", "--color", "sometimes", "why"), "kosh: unknown --color 'sometimes' (use auto, always or never)"),
            (("ask", "--no-such-option", "why"),
             "kosh: unknown option '--no-such-option'; to search for it, put -- before the query: "
             "kosh ask -- --no-such-option"),
            (("index", "--no-such-option"),
             "kosh: The following argument was not expected: --no-such-option; see 'kosh index --help'"),
            (("frobnicate",), "kosh: A subcommand is required; see 'kosh --help'"),
            ((), "kosh: A subcommand is required; see 'kosh --help'"),
            (("ask", "-n", "0", "why"), "kosh: --limit: Value 0 not in range 1 to 1000; see 'kosh ask --help'"),
            (("ask", "--min-coverage", "1.5", "why"),
             "kosh: --min-coverage: Value 1.5 not in range 0 to 1; see 'kosh ask --help'"),
            (("ask", "--min-confidence", "high", "why"),
             "kosh: --min-confidence: Value high is not a number; see 'kosh ask --help'"),
            (("ask", "--min-coverage", "nan", "why"),
             "kosh: --min-coverage: Value nan not in range 0 to 1; see 'kosh ask --help'"),
            (("index", "--shards", "0"), "kosh: --shards: Value 0 not in range 1 to 256; see 'kosh index --help'"),
            (("index", "does-not-exist"), "kosh: does-not-exist: no such file or folder"),
            (("index", "--language", "klingon"), "kosh: unknown language 'klingon' (known: none arabic ..."),
        ]
        for args, expected in cases:
            error_line(ws.kosh(*args, expect=2), expected)


def test_punctuation_only_question_is_an_error():
    with indexed_workspace() as ws:
        error_line(ws.kosh("ask", "?!", expect=2), "kosh: the question has no words to search for")


def test_stopword_only_question_still_searches():
    with indexed_workspace() as ws:
        run = ws.kosh("ask", "--json", "what is it?", expect=None)
        check(run.status in (0, 1), "stopword-only question failed", run)


def test_bad_query_syntax_is_a_clear_error():
    with indexed_workspace() as ws:
        run = ws.kosh("search", "title:", expect=None)
        check(run.status in (0, 1, 2), "crash on odd query", run)
        check("terminate" not in run.stderr, "crash", run)


def test_index_of_another_format_or_language_is_refused_clearly():
    with indexed_workspace() as ws:
        error_line(ws.kosh("ask", "--language", "french", "Soviet aid", expect=2),
                   "kosh: index: the index was built with --language english, not french; ask without --language,"
                   " or rebuild it with 'kosh index --rebuild --language french'")
        error_line(ws.kosh("index", "-q", "--language", "french", expect=2),
                   "kosh: index: the index was built with --language english; index with --language english or add --rebuild")
        ws.kosh("index", "-q", "--language", "french", "--rebuild", expect=0)
        ws.kosh("ask", "--language", "french", "aide soviétique", expect=None)
        # An index written by some other version of kosh: its format number differs.
        import subprocess
        subprocess.run(["xapian-metadata", "set", ws.path("index"), "kosh.format", "99"], check=True)
        run = ws.kosh("ask", "Soviet aid", expect=2)
        error_line(run, "kosh: index: index format '99' is not the format this kosh reads (6); delete the folder and run 'kosh index' again")
        run = ws.kosh("index", "-q", expect=2)
        error_line(run, "kosh: index: index format 99 is not the format this kosh writes (6); delete the folder and index again")
        error_line(ws.kosh("index", "-q", "--rebuild", expect=2),
                   "kosh: index: index format 99 is not the format this kosh writes (6); delete the folder and index again")
        # An index of an older format is upgraded in place by --rebuild, and only by it.
        subprocess.run(["xapian-metadata", "set", ws.path("index"), "kosh.format", "1"], check=True)
        # The advice names the index's language (French here), which a bare --rebuild would replace.
        error_line(ws.kosh("ask", "Soviet aid", expect=2), "kosh: index: index format '1' is not the format this kosh reads (6);"
                   " index again with 'kosh index --rebuild --language french'")
        error_line(ws.kosh("index", "-q", expect=2), "kosh: index: index format 1 is not the format this kosh writes (6);"
                   " add --rebuild --language french to index again in the new format")
        ws.kosh("index", "-q", "--rebuild", "--language", "french", expect=0)
        upgraded = ws.kosh("ask", "--language", "french", "Soviet aid", expect=0)
        check("Soviet" in upgraded.stdout, "answers after the upgrade", upgraded)


def test_an_index_from_before_roots_were_kept_asks_for_the_paths():
    import subprocess
    with indexed_workspace() as ws:
        # What an index written by the kosh before format 6 holds: no roots, an older format number.
        subprocess.run(["xapian-metadata", "set", ws.path("index"), "kosh.roots", ""], check=True)
        subprocess.run(["xapian-metadata", "set", ws.path("index"), "kosh.format", "5"], check=True)
        error_line(ws.kosh("ask", "Soviet aid", expect=2), "kosh: index: index format '5' is not the format this kosh "
                   "reads (6); index again with 'kosh index --rebuild --language english PATH...'")
        error_line(ws.kosh("index", "--rebuild", expect=2), "kosh: index: the index keeps no list of its files and "
                   "folders (an older kosh wrote it); name them: kosh index --rebuild PATH...")
        ws.kosh("index", "-q", "--rebuild", "corpus", expect=0)
        ws.kosh("ask", "Soviet aid", expect=0)


def test_help_and_version():
    with Workspace() as ws:
        run = ws.kosh("--help", expect=0)
        for command in ("index", "ask", "search", "stats", "outline"):
            check(command in run.stdout, f"--help lacks {command}", run)
        run = ws.kosh("ask", "--help", expect=0)
        check("--batch" in run.stdout and "--format" in run.stdout, "ask --help incomplete", run)
        check("INT in [1 - 1000]" in run.stdout and "FLOAT in [0 - 1]" in run.stdout, "ask --help lacks the ranges", run)
        run = ws.kosh("--version", expect=0)
        check(run.stdout.startswith("kosh "), "no version", run)


def test_unreadable_binary_and_non_utf8_files_are_skipped_with_a_warning():
    with Workspace() as ws:
        ws.write("docs/good.txt", "Glaciers\n\nGlaciers in the Himalaya feed the great rivers of South Asia all year round.\n")
        ws.write("docs/binary.dat", b"\x7fELF\x02\x01\x01\x00\x00\x00binary", mode="wb")
        ws.write("docs/broken.txt", b"Caf\xc3\xa9 cut short \xe2\x82", mode="wb")
        ws.write("docs/utf16.txt", "hello".encode("utf-16-le"), mode="wb")  # no byte order mark
        run = ws.kosh("index", "docs", expect=0)
        for name in ("binary.dat", "broken.txt", "utf16.txt"):
            check(f"docs/{name}" in run.stderr, f"no warning naming {name}", run)
        check("1 file indexed" in run.stdout and "3 skipped" in run.stdout, "summary is wrong", run)
        ws.kosh("ask", "Where do the rivers of South Asia come from?", expect=0)


if __name__ == "__main__":
    main([test_missing_index_says_run_kosh_index, test_kosh_index_env_var_names_the_index,
          test_found_and_not_found_exit_codes, test_usage_errors_exit_2, test_punctuation_only_question_is_an_error,
          test_stopword_only_question_still_searches, test_bad_query_syntax_is_a_clear_error, test_index_of_another_format_or_language_is_refused_clearly,
          test_an_index_from_before_roots_were_kept_asks_for_the_paths, test_help_and_version,
          test_unreadable_binary_and_non_utf8_files_are_skipped_with_a_warning])
