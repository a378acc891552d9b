#!/usr/bin/env python3
"""Mutation testing for kosh's parse/ and search/ code: are the tests able to catch a mistake?

Each mutant changes one thing in one file: a comparison (`<` <-> `<=`, `>` <-> `>=`) or a number
(a decimal doubled, an integer of 2 or more doubled). The script applies it in a copy of the
repository (build-mutate/, so the working tree you edit is never touched), rebuilds, and runs
the tests: the unit tests first, then the end-to-end tests. A mutant is killed when a test fails
(or the tests time out), survives when all pass, and is stillborn when it does not compile (not
counted). Results go to a TSV file as they come, so an interrupted run resumes where it stopped.

Not run in CI: a full run rebuilds once per mutant and takes hours on two cores.

    python3 tests/mutate.py                   # every mutant; prints the kill rate and survivors
    python3 tests/mutate.py --list            # only list the mutants
    python3 tests/mutate.py --only text_parser --limit 20
    python3 tests/mutate.py --retest-survivors   # after adding tests: try the survivors again
    python3 tests/mutate.py --retest-survivors --unit-only   # the same, faster, after unit tests only

The slowest end-to-end files (crash safety, bad input, first builds in parts) are left out unless
--all-tests is given: they test the indexing machinery, not parse/ or search/, and would triple
the time of every surviving mutant.
"""
import argparse
import csv
import filecmp
import os
import re
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDERS = ("src/parse", "src/search")
SLOW_E2E = r"e2e\.test_(bad_input|crash_safety|fresh_build)"

COMPARISON = re.compile(r"(?<= )(<=|>=|<|>)(?= )")
COMPARISON_SWAP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
# A number standing alone: not part of a name (k_2), a hex or exponent form, or a version string.
NUMBER = re.compile(r"(?<![\w.])(\d+\.\d+|\d+)(?![\w.])")


def code_spans(line):
    """The parts of a line that are code: string and character literals and // comments removed
    (replaced by spaces, so offsets stay)."""
    out, i, quote = list(line), 0, None
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                out[i] = " "
                if i + 1 < len(line):
                    out[i + 1] = " "
                i += 2
                continue
            if c == quote:
                quote = None
            out[i] = " "
        elif c in "\"'":
            quote = c
            out[i] = " "
        elif line.startswith("//", i):
            return "".join(out[:i]) + " " * (len(line) - i)
        i += 1
    return "".join(out)


def mutants_of(path):
    """(line number, column, original, replacement, kind) for every mutant of one file."""
    found = []
    in_block_comment = False
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if in_block_comment:
            if "*/" in line:
                in_block_comment = False
            continue
        if stripped.startswith("/*"):
            in_block_comment = "*/" not in line
            continue
        if stripped.startswith(("#", "//", "*")) or "static_assert" in line or "std::array<" in line:
            continue
        code = code_spans(line)
        if "template <" in code or "template<" in code:
            continue
        for match in COMPARISON.finditer(code):
            op = match.group(1)
            found.append((number, match.start(), op, COMPARISON_SWAP[op], "comparison"))
        for match in NUMBER.finditer(code):
            text = match.group(1)
            if "." in text:
                value = float(text)
                if value == 0:
                    continue
                found.append((number, match.start(), text, repr(value * 2), "decimal"))
            else:
                value = int(text)
                if value < 2:
                    continue
                found.append((number, match.start(), text, str(value * 2), "integer"))
    return found


def all_mutants(only):
    mutants = []
    for folder in FOLDERS:
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not name.endswith((".cpp", ".h")):
                continue
            path = f"{folder}/{name}"
            if only and not any(o in path for o in only):
                continue
            for number, column, original, replacement, kind in mutants_of(path):
                mutants.append({"file": path, "line": number, "column": column, "original": original,
                                "replacement": replacement, "kind": kind})
    return mutants


def key(m):
    return (m["file"], int(m["line"]), int(m["column"]), m["original"])


def run(command, cwd, timeout, log):
    try:
        proc = subprocess.run(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
        return proc.returncode
    except subprocess.TimeoutExpired:
        return "timeout"


def prepare_worktree(worktree, jobs):
    # A copy of the working tree, committed or not; its build folder is kept between runs. Only
    # files whose content differs are copied, and they get a new modification time: a preserved
    # old one could be older than an object built later from the copy's previous content, and
    # make would then keep that stale object.
    os.makedirs(worktree, exist_ok=True)
    for folder, _, names in os.walk(ROOT):
        relative = os.path.relpath(folder, ROOT)
        top = relative.split(os.sep)[0]
        if top.startswith((".git", "build")) or top == "index":
            continue
        os.makedirs(os.path.join(worktree, relative), exist_ok=True)
        for name in names:
            source, target = os.path.join(folder, name), os.path.join(worktree, relative, name)
            if os.path.exists(target) and filecmp.cmp(source, target, shallow=False):
                continue
            shutil.copyfile(source, target)
            shutil.copymode(source, target)
    # Subscripts checked as in the sanitizer build CI runs (tests/sanitize.sh): a mutant that reads
    # one past the end of a string_view is caught there, so it is caught here too.
    subprocess.run(["cmake", "-S", worktree, "-B", f"{worktree}/build", "-DCMAKE_BUILD_TYPE=Release",
                    "-DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS", "-DKOSH_JEMALLOC=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", f"{worktree}/build", f"-j{jobs}"], check=True, stdout=subprocess.DEVNULL)
    with open(os.devnull, "w") as log:
        if run(["ctest", "-j", str(jobs), "-E", SLOW_E2E], f"{worktree}/build", 900, log) != 0:
            sys.exit("mutate: the tests fail before any mutation; fix them first")


def test_mutant(worktree, mutant, jobs, all_tests, timeout, log, unit_only=False):
    """Applies one mutant, rebuilds, runs the tests, restores the file; returns the outcome."""
    path = os.path.join(worktree, mutant["file"])
    with open(path, encoding="utf-8") as f:
        original = f.read()
    lines = original.split("\n")
    line = lines[int(mutant["line"]) - 1]
    column = int(mutant["column"])
    assert line[column:column + len(mutant["original"])] == mutant["original"], mutant
    lines[int(mutant["line"]) - 1] = line[:column] + mutant["replacement"] + line[column + len(mutant["original"]):]
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        build = f"{worktree}/build"
        if run(["cmake", "--build", build, "--target", "kosh", "kosh_unit_tests", f"-j{jobs}"], worktree, 900, log) != 0:
            return "stillborn"
        status = run([f"{build}/tests/kosh_unit_tests"], worktree, timeout, log)
        if status != 0:
            return "killed" if status != "timeout" else "killed (timeout)"
        if unit_only:
            return "survived"
        e2e = ["ctest", "-R", r"^e2e\.", "-j", str(jobs), "--stop-on-failure", "--timeout", str(timeout)]
        if not all_tests:
            e2e += ["-E", SLOW_E2E]
        status = run(e2e, build, timeout * 4, log)
        if status != 0:
            return "killed" if status != "timeout" else "killed (timeout)"
        return "survived"
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)


FIELDS = ["file", "line", "column", "original", "replacement", "kind", "outcome", "seconds"]


def read_results(path):
    if not os.path.exists(path):
        return {}
    with open(path, newline="") as f:
        return {key(row): row for row in csv.DictReader(f, delimiter="\t")}


def report(results):
    counted = [r for r in results.values() if r["outcome"] != "stillborn"]
    killed = [r for r in counted if r["outcome"].startswith("killed")]
    survivors = [r for r in counted if r["outcome"] == "survived"]
    stillborn = len(results) - len(counted)
    rate = len(killed) / len(counted) if counted else 0.0
    print(f"mutants: {len(counted)} tested, {len(killed)} killed, {len(survivors)} survived "
          f"({stillborn} did not compile); kill rate {rate:.1%}")
    by_file = {}
    for r in counted:
        total, dead = by_file.get(r["file"], (0, 0))
        by_file[r["file"]] = (total + 1, dead + r["outcome"].startswith("killed"))
    for name, (total, dead) in sorted(by_file.items()):
        print(f"  {name:40} {dead:4}/{total:<4} killed")
    if survivors:
        print("survivors:")
        for r in sorted(survivors, key=key):
            print(f"  {r['file']}:{r['line']}:{int(r['column']) + 1}: {r['original']} -> {r['replacement']}")


def main():
    # A run stopped with SIGTERM still restores the file it mutated (test_mutant's finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worktree", default=os.path.join(ROOT, "build-mutate"),
                        help="where the mutated copy is built (default build-mutate/)")
    parser.add_argument("--results", default=None, help="TSV of outcomes (default WORKTREE/mutants.tsv)")
    parser.add_argument("--only", action="append", help="only files whose path contains this (repeatable)")
    parser.add_argument("--limit", type=int, default=0, help="test at most this many new mutants")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=120, help="seconds for one test run")
    parser.add_argument("--all-tests", action="store_true", help="also run the slowest end-to-end files")
    parser.add_argument("--retest-survivors", action="store_true", help="test the recorded survivors again")
    parser.add_argument("--unit-only", action="store_true",
                        help="run only the unit tests: for trying survivors again after adding unit tests, "
                             "when the end-to-end tests have not changed since they passed")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--report", action="store_true", help="print the recorded results and stop")
    args = parser.parse_args()

    mutants = all_mutants(args.only)
    if args.list:
        for m in mutants:
            print(f"{m['file']}:{m['line']}:{m['column']}: {m['original']} -> {m['replacement']} ({m['kind']})")
        print(f"{len(mutants)} mutants")
        return
    worktree = os.path.abspath(args.worktree)
    results_path = args.results or os.path.join(worktree, "mutants.tsv")
    results = read_results(results_path)
    if args.report:
        report(results)
        return

    prepare_worktree(worktree, args.jobs)
    current = {key(m) for m in mutants}
    # Drop the results of mutants whose code has changed since; --only leaves other files' results.
    results = {k: r for k, r in results.items() if k in current or (args.only and not any(o in k[0] for o in args.only))}
    todo = [m for m in mutants if key(m) not in results or
            (args.retest_survivors and results[key(m)]["outcome"] == "survived")]
    if args.limit:
        todo = todo[:args.limit]
    print(f"{len(mutants)} mutants, {len(todo)} to test", flush=True)
    log_path = os.path.join(worktree, "mutate.log")
    for i, mutant in enumerate(todo, 1):
        started = time.monotonic()
        with open(log_path, "w") as log:
            outcome = test_mutant(worktree, mutant, args.jobs, args.all_tests, args.timeout, log, args.unit_only)
        results[key(mutant)] = {**mutant, "outcome": outcome, "seconds": f"{time.monotonic() - started:.0f}"}
        print(f"[{i}/{len(todo)}] {mutant['file']}:{mutant['line']}:{mutant['column'] + 1}: {mutant['original']} -> "
              f"{mutant['replacement']}: {outcome}", flush=True)
        with open(results_path, "w", newline="") as f:
            writer = csv.DictWriter(f, FIELDS, delimiter="\t", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(sorted(results.values(), key=key))
    # Leave the copy's binaries built from the unmutated sources.
    run(["cmake", "--build", f"{worktree}/build", f"-j{args.jobs}"], worktree, 900, subprocess.DEVNULL)
    report({k: r for k, r in results.items() if k in current} if args.only else results)


if __name__ == "__main__":
    main()
