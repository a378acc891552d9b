"""`kosh completions bash` completes subcommands, options, the values kosh knows, and paths: the
script is sourced into a bash that is then asked what it would offer, as at a TAB."""
import os
import shutil
import subprocess
import sys

from harness import KOSH, SKIP_STATUS, Workspace, check, main

# Sources the script, sets the words as bash would at a TAB and prints what _kosh offers, one a
# line. The words come as arguments, so no quoting of them is needed.
COMPLETE = r"""
source <("$KOSH" completions bash) || exit 3
complete -p kosh >/dev/null || exit 4
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_kosh
printf '%s\n' "${COMPREPLY[@]}"
"""


def bash():
    found = shutil.which("bash")
    if found is None:
        print("skipped: bash is not installed")
        sys.exit(SKIP_STATUS)
    return found


def offers(ws, *words):
    """What bash offers at a TAB after `words` (the last one being completed), sorted."""
    command = [bash(), "--norc", "--noprofile", "-c", COMPLETE, "bash", *words]
    proc = subprocess.run(command, cwd=ws.dir, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "KOSH": KOSH})
    check(proc.returncode == 0, f"completing {words!r} failed with status {proc.returncode}:\n{proc.stderr}")
    check(proc.stderr == "", f"completing {words!r} wrote to stderr:\n{proc.stderr}")
    return sorted(line for line in proc.stdout.split("\n") if line)


def expect(ws, words, expected):
    got = offers(ws, *words)
    check(got == sorted(expected), f"'{' '.join(words)}<TAB>' offers {got}, not {sorted(expected)}")


def test_subcommands():
    with Workspace() as ws:
        expect(ws, ["kosh", "as"], ["ask"])
        expect(ws, ["kosh", "s"], ["search", "stats"])
        expect(ws, ["kosh", ""], ["ask", "completions", "eval", "index", "init", "outline", "search", "stats"])
        expect(ws, ["kosh", "-"], ["--help", "--no-config", "--version", "-V", "-h"])
        expect(ws, ["kosh", "completions", ""], ["bash", "fish", "zsh"])


def test_options_of_the_current_subcommand():
    with Workspace() as ws:
        expect(ws, ["kosh", "ask", "--fo"], ["--format"])
        expect(ws, ["kosh", "ask", "--min-c"], ["--min-confidence", "--min-coverage"])
        expect(ws, ["kosh", "search", "why", "--an"], ["--any"])
        # Options come after words and other options too; index has no --format.
        expect(ws, ["kosh", "index", "--rebuild", "--fo"], [])
        ask = offers(ws, "kosh", "ask", "-")
        for option in ("-n", "--limit", "--batch", "--color", "--colour", "--json", "-h", "--help"):
            check(option in ask, f"'kosh ask -<TAB>' does not offer {option}: {ask}")
        check("--rebuild" not in ask, f"'kosh ask -<TAB>' offers index's --rebuild: {ask}")


def test_values_kosh_knows():
    with Workspace() as ws:
        expect(ws, ["kosh", "ask", "--format", ""], ["json", "text", "trec", "tsv"])
        expect(ws, ["kosh", "ask", "--format", "t"], ["text", "trec", "tsv"])
        # bash splits --format=j into "--format", "=", "j" (COMP_WORDBREAKS has '=').
        expect(ws, ["kosh", "ask", "--format", "=", "j"], ["json"])
        expect(ws, ["kosh", "ask", "--format", "="], ["json", "text", "trec", "tsv"])
        expect(ws, ["kosh", "stats", "--format", ""], ["json", "text"])
        expect(ws, ["kosh", "eval", "--format", ""], ["json", "text"])
        expect(ws, ["kosh", "search", "--color", ""], ["always", "auto", "never"])
        expect(ws, ["kosh", "search", "--colour", "n"], ["never"])
        expect(ws, ["kosh", "index", "--language", "engl"], ["english"])
        languages = offers(ws, "kosh", "ask", "--language", "")
        for language in ("none", "english", "german", "french"):
            check(language in languages, f"--language does not offer {language}: {languages}")
        # Values kosh cannot list (numbers, globs, question words) get nothing, not file names.
        ws.write("notes.md", "# Notes\n")
        expect(ws, ["kosh", "ask", "--limit", ""], [])
        expect(ws, ["kosh", "index", "--include", ""], [])
        expect(ws, ["kosh", "ask", "why", ""], [])


def test_paths():
    with Workspace() as ws:
        ws.write("docs/guide.md", "# Guide\n")
        ws.write("notes.md", "# Notes\n")
        ws.write("my notes.txt", "notes\n")
        expect(ws, ["kosh", "index", ""], ["docs", "my notes.txt", "notes.md"])
        expect(ws, ["kosh", "index", "no"], ["notes.md"])
        expect(ws, ["kosh", "index", "docs/"], ["docs/guide.md"])
        expect(ws, ["kosh", "index", "--index", ""], ["docs"])
        expect(ws, ["kosh", "init", ""], ["docs"])
        expect(ws, ["kosh", "index", "--synonyms", "n"], ["notes.md"])
        expect(ws, ["kosh", "ask", "--batch", "my"], ["my notes.txt"])
        expect(ws, ["kosh", "outline", "n"], ["notes.md"])
        expect(ws, ["kosh", "eval", "--qrels", "n"], ["notes.md"])


def test_unknown_shell_is_an_error():
    with Workspace() as ws:
        run = ws.kosh("completions", "tcsh", expect=2)
        check(run.stderr == "kosh: unknown shell 'tcsh' (use bash, zsh or fish)\n", "wrong message", run)
        check(run.stdout == "", "a script was printed", run)


if __name__ == "__main__":
    main([test_subcommands, test_options_of_the_current_subcommand, test_values_kosh_knows, test_paths,
          test_unknown_shell_is_an_error])
