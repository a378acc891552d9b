"""Vocabulary gaps: synonyms from a user file, spelling suggestions, and the relaxation ladder."""
import os

from harness import Workspace, check, main

SPACE = "# Space\n\nThe Soviet Union launched Sputnik, the first artificial satellite, in 1957.\n"
TREATY = "# Treaty\n\nIn 1956 the USSR signed a treaty of friendship with the kingdom of Nepal.\n"
CITY = "# City\n\nKathmandu is the capital of Nepal and lies in a wide valley.\n"
SYNONYMS = "# acronyms\nUSSR = Soviet Union, Soviet state\n"


def workspace():
    ws = Workspace()
    ws.write("docs/space.md", SPACE)
    ws.write("docs/treaty.md", TREATY)
    ws.write("docs/city.md", CITY)
    ws.write("synonyms.txt", SYNONYMS)
    return ws


def first_path(run):
    return run.jsonl()[0]["passages"][0]["path"]


def test_acronym_finds_the_full_name_and_back():
    with workspace() as ws:
        ws.kosh("index", "docs", "--synonyms", "synonyms.txt", expect=0)
        run = ws.kosh("ask", "--json", "What did the USSR launch?", expect=0)
        check(first_path(run) == "docs/space.md", "USSR did not find 'Soviet Union'", run)
        check("Sputnik" in run.jsonl()[0]["answer"]["sentence"], "wrong answer sentence", run)
        run = ws.kosh("ask", "--json", "Which treaty did the Soviet Union sign with Nepal?", expect=0)
        check(first_path(run) == "docs/treaty.md", "'Soviet Union' did not find USSR", run)
        for query in ("ussr", "soviet union"):
            run = ws.kosh("search", "--json", query, expect=0)
            paths = {p["path"] for p in run.jsonl()[0]["passages"]}
            check(paths == {"docs/space.md", "docs/treaty.md"}, f"search {query} missed a synonym", run)


def test_synonyms_survive_a_reindex_without_the_option_and_apply_to_shards():
    with workspace() as ws:
        ws.kosh("index", "docs", "--shards", "2", "--synonyms", "synonyms.txt", expect=0)
        ws.write("docs/more.md", "# More\n\nNothing about it here.\n")
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("search", "--json", "ussr", expect=0)
        paths = {p["path"] for p in run.jsonl()[0]["passages"]}
        check(paths == {"docs/space.md", "docs/treaty.md"}, "the synonyms were lost on re-index", run)


def test_without_synonyms_the_acronym_matches_only_itself():
    with workspace() as ws:
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("search", "--json", "ussr", expect=0)
        check([p["path"] for p in run.jsonl()[0]["passages"]] == ["docs/treaty.md"], "unexpected match", run)


def test_malformed_synonyms_file_is_an_error_and_leaves_the_index():
    with workspace() as ws:
        ws.kosh("index", "docs", "--synonyms", "synonyms.txt", expect=0)
        ws.write("bad.txt", "# fine\nUSSR Soviet Union\n")
        os.remove(ws.path("docs/city.md"))
        run = ws.kosh("index", "docs", "--synonyms", "bad.txt", expect=2)
        check(run.stderr.strip() == "kosh: bad.txt:2: expected 'WORD = SYNONYM[, SYNONYM...]'",
              "the error does not name FILE:LINE", run)
        check(run.stdout == "", "a failed run printed a summary", run)
        # The removed file is still indexed: its hit is found, then left out as deleted.
        run = ws.kosh("search", "--json", "kathmandu", expect=1)
        check("left out results from 1 file deleted since indexed" in run.stderr, "the removed file was dropped", run)
        run = ws.kosh("search", "--json", "ussr", expect=0)
        check(len(run.jsonl()[0]["passages"]) == 2, "the old synonyms were lost", run)
        ws.kosh("index", "docs", "--synonyms", "missing.txt", expect=2)


def test_misspelt_word_is_corrected_and_reported():
    with workspace() as ws:
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("ask", "--json", "What is the capital near Kathmandoo?", expect=0)
        result = run.jsonl()[0]
        check(result["passages"][0]["path"] == "docs/city.md", "the corrected question found the wrong passage", run)
        check(result["rewrites"] == [{"kind": "spelling", "query": "What is the capital near kathmandu?",
                                      "applied": True}], "spelling rewrite missing from JSON", run)
        run = ws.kosh("search", "kathmandoo", expect=0)
        check(run.stdout.startswith("spelling: showing results for: kathmandu\n"), "no note in text output", run)


def test_suggestion_is_printed_when_nothing_is_found():
    with workspace() as ws:
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("ask", "orbital mechanics equations sputnk", expect=1)
        check("No passages found." in run.stdout and "did you mean: orbital mechanics equations sputnik" in run.stdout,
              "no suggestion for an empty answer", run)
        run = ws.kosh("ask", "--json", "orbital mechanics equations sputnk", expect=1)
        check(run.jsonl()[0]["rewrites"] == [{"kind": "spelling", "query": "orbital mechanics equations sputnik",
                                              "applied": False}], "suggestion missing from JSON", run)


def test_search_with_an_absent_word_relaxes_to_most_words():
    with workspace() as ws:
        ws.kosh("index", "docs", expect=0)
        run = ws.kosh("search", "--json", "kathmandu capital zebra", expect=0)
        result = run.jsonl()[0]
        check([p["path"] for p in result["passages"]] == ["docs/city.md"], "relaxed search found the wrong passages", run)
        check(result["rewrites"] == [{"kind": "most_terms", "applied": True, "matched": 2, "of": 3,
                                      "query": "(kathmandu AND capital) OR (kathmandu AND zebra) OR (capital AND zebra)"}],
              "most_terms rewrite missing from JSON", run)
        run = ws.kosh("search", "kathmandu capital zebra", expect=0)
        check(run.stdout.startswith("relaxed: matched 2 of 3 words\n"), "no note in text output", run)
        # Nothing at all: exit 1, no rewrite to report.
        run = ws.kosh("search", "--json", "zebra giraffe", expect=1)
        check("rewrites" not in run.jsonl()[0], "a rewrite that found nothing was reported", run)


if __name__ == "__main__":
    main([
        test_acronym_finds_the_full_name_and_back,
        test_synonyms_survive_a_reindex_without_the_option_and_apply_to_shards,
        test_without_synonyms_the_acronym_matches_only_itself,
        test_malformed_synonyms_file_is_an_error_and_leaves_the_index,
        test_misspelt_word_is_corrected_and_reported,
        test_suggestion_is_printed_when_nothing_is_found,
        test_search_with_an_absent_word_relaxes_to_most_words,
    ])
