"""`kosh outline` reads the seed article's structure exactly as its outline file gives it, and
`kosh ask` answers from it with the right heading path. Skipped where ../shared is absent."""
import json

from harness import Workspace, check, main, shared_path

ARTICLE = shared_path("seed", "article.txt")
OUTLINE = shared_path("seed", "outline.txt")


def test_seed_outline_is_exact():
    with open(OUTLINE, encoding="utf-8") as f:
        expected = f.read()
    with Workspace() as ws:
        run = ws.kosh("outline", ARTICLE, expect=0)
        check(run.stdout == expected, "seed outline differs", run)


def test_seed_answers_carry_the_subsection_path():
    with Workspace() as ws:
        ws.kosh("index", ARTICLE, "--index", "idx", expect=0)
        run = ws.kosh("ask", "--index", "idx", "--json", "-n", "1",
                      "When were diplomatic ties between Nepal and the Soviet Union established?", expect=0)
        passage = json.loads(run.stdout.splitlines()[0])["passages"][0]
        check(passage["sections"] == ["Historical Foundations: A Legacy of Enduring Friendship"],
              f"unexpected heading path {passage['sections']}", run)
        run = ws.kosh("ask", "--index", "idx", "--json", "-n", "1",
                      "Which hospital and railway stand as symbols of Soviet-Nepalese cooperation?", expect=0)
        passage = json.loads(run.stdout.splitlines()[0])["passages"][0]
        check(passage["sections"] == ["Historical Foundations: A Legacy of Enduring Friendship",
                                      "Soviet Era Support: A Pillar of Development"],
              f"unexpected heading path {passage['sections']}", run)

if __name__ == "__main__":
    main([test_seed_outline_is_exact, test_seed_answers_carry_the_subsection_path])
