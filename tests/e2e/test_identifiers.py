"""Identifiers from programming documentation (find_package, CMAKE_BUILD_TYPE, __init__, and
long options such as --no-verify) are found by `search` and `ask`, the passage that spells the
identifier before passages that only use its words apart."""
from harness import Workspace, check, main

# Each identifier, the passage that names it, and one that only uses its words apart.
IDENTIFIERS = [
    ("find_package", "Call find_package to locate an external library and import its targets.",
     "To find the package you want, look in the package index and find its name."),
    ("CMAKE_BUILD_TYPE", "Set CMAKE_BUILD_TYPE to Release for an optimized single-configuration build.",
     "The build type of a CMake project decides the flags; every build has a type."),
    ("spin_lock_irqsave", "spin_lock_irqsave takes the lock and saves the interrupt state in flags.",
     "A spin lock spins; irqsave variants exist for each lock, and the spin is short."),
    ("__init__", "The __init__ method runs when a new instance of the class is created.",
     "Initialize the module with init scripts; init runs first at boot."),
    ("O_APPEND", "Open the file with O_APPEND so that every write goes to the end.",
     "Append o to the list: the letter o is appended at the end."),
    ("rcu_read_lock", "Readers call rcu_read_lock before they walk the list and unlock after.",
     "The read lock of the RCU scheme: readers lock nothing, writers read the copy."),
    ("--no-verify", "Skip the hooks with git commit --no-verify when you must.",
     "There is no verify step in this tool, so verify the hooks by hand."),
]


def workspace():
    ws = Workspace()
    for number, (_name, named, loose) in enumerate(IDENTIFIERS):
        ws.write(f"docs/named-{number}.md", f"# Reference {number}\n\n{named}\n")
        ws.write(f"docs/loose-{number}.md", f"# Notes {number}\n\n{loose}\n")
    ws.kosh("index", "-q", "docs", expect=0)
    return ws


def test_search_finds_each_identifier_and_puts_its_passage_first():
    with workspace() as ws:
        for number, (name, _named, _loose) in enumerate(IDENTIFIERS):
            run = ws.kosh("search", "--json", "--", name, expect=0)
            passages = run.jsonl()[0]["passages"]
            check(passages and passages[0]["path"] == f"docs/named-{number}.md",
                  f"search {name}: first hit is not the passage naming it", run)


def test_ask_answers_a_question_about_each_identifier_from_its_passage():
    with workspace() as ws:
        for number, (name, named, _loose) in enumerate(IDENTIFIERS):
            run = ws.kosh("ask", "--json", f"What does {name} do?", expect=0)
            result = run.jsonl()[0]
            check(result["passages"][0]["path"] == f"docs/named-{number}.md",
                  f"ask about {name}: the first passage is not the one naming it", run)


if __name__ == "__main__":
    main([test_search_finds_each_identifier_and_puts_its_passage_first,
          test_ask_answers_a_question_about_each_identifier_from_its_passage])
