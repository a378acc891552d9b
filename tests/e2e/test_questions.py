"""Questions about the shipped article: the expected section is ranked first and the answer
sentence holds the fact (tests/e2e/questions.tsv), and questions about things the article does
not mention find nothing (tests/e2e/unanswerable.txt)."""
import csv
import os

from harness import E2E_DIR, Workspace, check, main


def load_questions():
    with open(os.path.join(E2E_DIR, "questions.tsv"), newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_each_question_finds_its_section_and_fact():
    questions = load_questions()
    check(len(questions) >= 25, f"only {len(questions)} questions")
    with Workspace() as ws:
        ws.copy_corpus()
        ws.kosh("index", "-q", "corpus", expect=0)
        batch = "".join(f"q{i}\t{q['question']}\n" for i, q in enumerate(questions))
        run = ws.kosh("ask", "--batch", "-", "--json", stdin=batch, expect=0)
        results = run.jsonl()
        check(len(results) == len(questions), f"{len(results)} results for {len(questions)} questions", run)
        misses = []
        for i, (question, result) in enumerate(zip(questions, results)):
            check(result["id"] == f"q{i}", f"result {i} has id {result.get('id')}", run)
            top = result["passages"][0] if result["passages"] else None
            section = top["sections"][-1] if top and top["sections"] else None
            answer = (result["answer"] or {}).get("sentence", "")
            if section != question["section"]:
                misses.append(f"{question['question']!r}: top section {section!r}, expected {question['section']!r}")
            if question["fact"] not in answer:
                misses.append(f"{question['question']!r}: answer {answer!r} lacks {question['fact']!r}")
        check(not misses, f"{len(misses)} misses:\n" + "\n".join(misses))


def test_unanswerable_questions_find_nothing():
    with open(os.path.join(E2E_DIR, "unanswerable.txt")) as f:
        questions = [line.strip() for line in f if line.strip()]
    with Workspace() as ws:
        ws.copy_corpus()
        ws.kosh("index", "-q", "corpus", expect=0)
        for question in questions:
            run = ws.kosh("ask", "--json", question, expect=1)
            result = run.jsonl()[0]
            check(result["passages"] == [] and result["answer"] is None, f"{question!r} found something", run)


def test_a_question_whose_key_word_the_corpus_lacks_finds_no_namesake():
    with Workspace() as ws:
        # A heading that names a half-baked idea and an identifier with "bread" in it, among
        # enough other passages for those words to be as rare as in a real collection.
        ws.write("docs/buffers.md", "# Buffers\n\n## Half baked ideas\n\nObjects on the stack need a heap map "
                 "that the collector can find.\n\n## Block reads\n\nThe sb_bread helper reads a block into a "
                 "buffer head.\n")
        for number in range(30):
            ws.write(f"docs/other-{number:02}.md", f"# Topic {number}\n\nThe scheduler runs task {number} when "
                     "its timer fires and the queue has room.\n")
        ws.kosh("index", "-q", "docs", expect=0)
        run = ws.kosh("ask", "how to bake sourdough bread", expect=1)
        check("buffers.md" not in run.stdout, "answered from a namesake", run)
        # The words it does hold still find their passage when the question is about them.
        run = ws.kosh("ask", "what does the sb_bread helper read", expect=0)
        check("buffers.md:9" in run.stdout, "the passage about sb_bread is not found", run)


if __name__ == "__main__":
    main([test_each_question_finds_its_section_and_fact, test_unanswerable_questions_find_nothing,
          test_a_question_whose_key_word_the_corpus_lacks_finds_no_namesake])
