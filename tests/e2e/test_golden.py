"""The scripting contract, byte for byte: each tests/golden/CASE.args is run on the shipped corpus
and its standard output must equal CASE.out, its exit status and standard error CASE.err.

CASE.args holds one argument per line (lines starting with '#' describe the case). A case whose
output differs writes CASE.out.unapproved.txt / CASE.err.unapproved.txt beside it and shows the
diff. After an intended change, approve every case's new output with tests/golden/approve.sh.
"""
import difflib
import os
import shutil
import sys

from harness import SOURCE_DIR, Failure, Workspace, main

GOLDEN_DIR = os.path.join(SOURCE_DIR, "tests", "golden")


def cases():
    return sorted(name[:-len(".args")] for name in os.listdir(GOLDEN_DIR) if name.endswith(".args"))


def arguments(case):
    with open(os.path.join(GOLDEN_DIR, case + ".args"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if not line.startswith("#")]


def run_case(ws, case):
    run = ws.kosh(*arguments(case), env={"COLUMNS": "100"})
    # Absolute paths name the workspace, a new folder each run: the files hold "WORKSPACE".
    def stable(text):
        return text.replace(os.path.realpath(ws.dir), "WORKSPACE").replace(ws.dir, "WORKSPACE")
    return {".out": stable(run.stdout), ".err": f"status {run.status}\n{stable(run.stderr)}"}


def golden_workspace():
    ws = Workspace()
    ws.copy_corpus()
    shutil.copy(os.path.join(GOLDEN_DIR, "questions.txt"), ws.path("questions.txt"))
    ws.kosh("index", "-q", "corpus", expect=0)
    return ws


def compare_all():
    differing = []
    with golden_workspace() as ws:
        for case in cases():
            for suffix, actual in run_case(ws, case).items():
                path = os.path.join(GOLDEN_DIR, case + suffix)
                unapproved = path + ".unapproved.txt"
                expected = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
                if actual == expected:
                    if os.path.exists(unapproved):
                        os.remove(unapproved)
                    continue
                with open(unapproved, "w", encoding="utf-8") as f:
                    f.write(actual)
                diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            case + suffix, case + suffix + ".unapproved.txt")
                differing.append("".join(list(diff)[:60]))
    if differing:
        raise Failure("output differs from the approved files (approve intended changes with "
                      "tests/golden/approve.sh):\n" + "\n".join(differing))


def approve():
    with golden_workspace() as ws:
        for case in cases():
            for suffix, actual in run_case(ws, case).items():
                path = os.path.join(GOLDEN_DIR, case + suffix)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(actual)
                if os.path.exists(path + ".unapproved.txt"):
                    os.remove(path + ".unapproved.txt")
    print(f"approved {len(cases())} cases in {GOLDEN_DIR}")


def test_outputs_match_the_approved_files():
    compare_all()


if __name__ == "__main__":
    if sys.argv[1:] == ["--approve"]:
        approve()
    else:
        main([test_outputs_match_the_approved_files])
