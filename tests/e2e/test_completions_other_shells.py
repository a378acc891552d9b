"""`kosh completions zsh` and `kosh completions fish` print scripts those shells accept; fish, which
can be asked what it would complete (`complete -C`), offers subcommands, options, values and files.
The file is skipped where neither shell is installed; a test for an absent one passes saying so."""
import shutil
import subprocess
import sys

from harness import SKIP_STATUS, Workspace, check, main

ZSH = shutil.which("zsh")
FISH = shutil.which("fish")


def script(ws, shell):
    path = ws.path(f"kosh.{shell}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(ws.kosh("completions", shell, expect=0).stdout)
    return path


def run(ws, *command):
    proc = subprocess.run(command, cwd=ws.dir, capture_output=True, text=True, timeout=60)
    check(proc.returncode == 0 and proc.stderr == "",
          f"{' '.join(command)} failed with status {proc.returncode}:\n{proc.stderr}\n{proc.stdout}")
    return proc.stdout


def test_zsh_accepts_its_script():
    if ZSH is None:
        print("zsh is not installed: not checked")
        return
    with Workspace() as ws:
        path = script(ws, "zsh")
        run(ws, ZSH, "-n", path)
        # With _arguments replaced by a function that prints its arguments, sourcing the script
        # shows each spec as zsh reads it, after its quoting and brace expansion.
        print_specs = "_arguments() { printf '%s\\n' \"$@\" }"
        specs = run(ws, ZSH, "-f", "-c", f"{print_specs}; source {path}; _kosh_ask").splitlines()
        for spec in ("--format=[Output format\\: text, json (JSON Lines), tsv or trec (TREC run)]"
                     ":FORMAT:(text json tsv trec)",
                     "(--limit -n)--limit=[Passages to show per question (default 3)]:INT: ",
                     "(--limit -n)-n+[Passages to show per question (default 3)]:INT: ",
                     "--index=[Index folder, or @NAME for a named index in ~/.local/share/kosh (default\\: $KOSH_INDEX, "
                     "else .kosh/index in the nearest folder with a .kosh, else @default)]:DIR:_files -/",
                     "--explain[After each result\\: the query, each word's share of the top passage's score, "
                     "why the answer won]",
                     "*:question: "):
            check(spec in specs, f"_kosh_ask has no spec {spec!r}:\n" + "\n".join(specs))


def fish_offers(ws, path, line):
    """The words fish would offer at a TAB after `line`, without their descriptions, sorted."""
    out = run(ws, FISH, "--no-config", "-c", f"source {path}; complete -C {fish_quoted(line)}")
    return sorted(entry.split("\t")[0] for entry in out.splitlines() if entry)


def fish_quoted(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def test_fish_accepts_its_script_and_completes():
    if FISH is None:
        print("fish is not installed: not checked")
        return
    with Workspace() as ws:
        path = script(ws, "fish")
        run(ws, FISH, "--no-execute", path)
        ws.write("docs/guide.md", "# Guide\n")
        ws.write("notes.md", "# Notes\n")
        cases = [
            ("kosh as", ["ask"]),
            ("kosh ask --fo", ["--format"]),
            ("kosh ask --format ", ["json", "text", "trec", "tsv"]),
            ("kosh stats --format ", ["json", "text"]),
            ("kosh search --color ", ["always", "auto", "never"]),
            ("kosh completions ", ["bash", "fish", "zsh"]),
            ("kosh index no", ["notes.md"]),
            ("kosh index --index ", ["docs/"]),
            ("kosh ask --limit ", []),
        ]
        for line, expected in cases:
            got = fish_offers(ws, path, line)
            check(got == expected, f"fish offers {got} for '{line}<TAB>', not {expected}")
        languages = fish_offers(ws, path, "kosh index --language ")
        check("english" in languages and "none" in languages, f"--language offers {languages}")


if __name__ == "__main__":
    if ZSH is None and FISH is None:
        print("skipped: neither zsh nor fish is installed")
        sys.exit(SKIP_STATUS)
    main([test_zsh_accepts_its_script, test_fish_accepts_its_script_and_completes])
