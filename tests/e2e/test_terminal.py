"""kosh at a terminal: wrapping at word boundaries at a real terminal's width, `index -q`'s one
summary line in place of a warning per file, and queries that start with '-'."""
import fcntl
import os
import pty
import struct
import subprocess
import termios

from harness import KOSH, kosh_environment, Workspace, check, error_line, main

LONG_TITLE = "Configuring the incremental compilation pipeline for heterogeneous embedded targets"
LONG_SECTIONS = ["Link time optimisation with interprocedural analysis across translation units",
                 "Troubleshooting unexpectedly enormous intermediate representation files"]
LONG_FOLDER = "documentation for the build system/compiler reference manual chapters"
TEXT = ("Passing the flag tells the compiler to keep its intermediate representation in object files "
        "so that the linker can optimise across translation units.")


def run_at_terminal(ws, columns, *args):
    """Runs kosh with stdout on a pseudo-terminal `columns` wide; returns its output's lines."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = kosh_environment()
    proc = subprocess.Popen([KOSH, *args], cwd=ws.dir, stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's last writer has gone
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.wait(timeout=60)
    check(proc.returncode == 0, f"kosh {' '.join(args)} exited {proc.returncode}: {proc.stderr.read()!r}")
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n").splitlines()


def write_long_headed_document(ws):
    ws.write(os.path.join(LONG_FOLDER, "lto.md"),
             f"# {LONG_TITLE}\n\n## {LONG_SECTIONS[0]}\n\n### {LONG_SECTIONS[1]}\n\n{TEXT}\n")
    ws.kosh("index", "-q", LONG_FOLDER.split("/")[0], expect=0)


def test_headings_and_locations_wrap_at_word_boundaries():
    with Workspace() as ws:
        write_long_headed_document(ws)
        heading_words = set(" › ".join([LONG_TITLE, *LONG_SECTIONS]).split())
        path_words = set(f"{LONG_FOLDER}/lto.md:7".split())
        for columns in (80, 120, 40):
            lines = run_at_terminal(ws, columns, "ask", "--color", "never", "-n", "1",
                                    "intermediate representation linker translation units")
            words = [word for line in lines for word in line.split()]
            for line in lines:
                # A line may pass the width only when it is one word too long for any line.
                check(len(line) <= columns or len(line.split()) == 1,
                      f"line wider than {columns} columns: {line!r}\n" + "\n".join(lines))
                check(not line.lstrip().startswith("›"), f"a line starts with the separator: {line!r}")
            missing = sorted((heading_words | path_words) - set(words) - {"1."})
            check(not missing, f"at {columns} columns, words cut or lost: {missing}\n" + "\n".join(lines))
            passage = lines.index(next(line for line in lines if line.startswith("1. ")))
            # Continuation lines of the passage's heading and location line up with its text.
            for line in lines[passage + 1:]:
                check(line.startswith("   ") and not line.startswith("    ") or not line,
                      f"continuation line not indented by 3: {line!r}\n" + "\n".join(lines))


def test_a_path_longer_than_the_terminal_stays_whole():
    with Workspace() as ws:
        folder = "a-folder-name-that-is-much-too-long-to-fit/" * 2
        ws.write(folder + "notes.md", f"# Notes\n\n{TEXT}\n")
        ws.kosh("index", "-q", "a-folder-name-that-is-much-too-long-to-fit", expect=0)
        lines = run_at_terminal(ws, 40, "search", "--color", "never", "linker")
        check(f"   {folder}notes.md:3" in lines, "the long path is not whole on its own line:\n" + "\n".join(lines))


def write_skipped_files(ws, binaries):
    for i in range(binaries):
        ws.write(f"docs/blob-{i:04}.txt", "text\0with NUL bytes\n")
    ws.write("docs/broken.md.gz", b"this is not gzip data at all", mode="wb")
    ws.write("docs/good.md", "# Good\n\nA readable document about rivers.\n")


def test_quiet_index_counts_skipped_files_in_one_line():
    with Workspace() as ws:
        write_skipped_files(ws, 2)
        run = ws.kosh("index", "-q", "docs", expect=0)
        error_line(run, "kosh: 3 files skipped: 2 binary, 1 damaged; --verbose to list them")
        check(run.stdout == "", "-q printed a summary on stdout", run)


def test_quiet_index_writes_counts_with_thousands_separators():
    with Workspace() as ws:
        write_skipped_files(ws, 1001)
        run = ws.kosh("index", "-q", "docs", expect=0)
        error_line(run, "kosh: 1,002 files skipped: 1,001 binary, 1 damaged; --verbose to list them")


def test_verbose_lists_every_warning_even_with_quiet():
    with Workspace() as ws:
        write_skipped_files(ws, 2)
        for args in (("-q", "--verbose"), ()):
            run = ws.kosh("index", "--rebuild", *args, "docs", expect=0)
            warnings = [line for line in run.stderr.splitlines() if line.startswith("kosh: warning: ")]
            check(len(warnings) == 3, f"expected 3 warnings with {args}", run)
            check("--verbose to list them" not in run.stderr, "a summary line as well as the warnings", run)
            check(any("docs/broken.md.gz" in w and "not gzip data" in w for w in warnings), "no gzip warning", run)


def test_a_query_that_starts_with_a_dash_goes_after_double_dash():
    with Workspace() as ws:
        ws.write("docs/flags.md", "# Flags\n\nBuild with -flto to optimise at link time; -x option picks a language.\n")
        ws.kosh("index", "-q", "docs", expect=0)
        run = ws.kosh("search", "--", "-flto", expect=0)
        check("docs/flags.md" in run.stdout, "search -- -flto did not find the file", run)
        run = ws.kosh("ask", "--", "-x option", expect=0)
        check("docs/flags.md" in run.stdout, "ask -- '-x option' did not find the file", run)


def test_an_unknown_option_in_a_query_says_how_to_search_for_it():
    with Workspace() as ws:
        ws.write("docs/flags.md", "# Flags\n\nBuild with -flto.\n")
        ws.kosh("index", "-q", "docs", expect=0)
        hint = "to search for it, put -- before the query"
        error_line(ws.kosh("search", "-flto", expect=2),
                   f"kosh: unknown option '-flto'; {hint}: kosh search -- -flto")
        error_line(ws.kosh("search", "-n", "3", "build", "--fast", expect=2),
                   f"kosh: unknown option '--fast'; {hint}: kosh search -- --fast")
        error_line(ws.kosh("ask", "-x option", expect=2),
                   f"kosh: unknown option '-x option'; {hint}: kosh ask -- '-x option'")
        # Not a query: other commands keep CLI11's message.
        error_line(ws.kosh("stats", "--fast", expect=2),
                   "kosh: The following argument was not expected: --fast; see 'kosh stats --help'")


if __name__ == "__main__":
    main([test_headings_and_locations_wrap_at_word_boundaries, test_a_path_longer_than_the_terminal_stays_whole,
          test_quiet_index_counts_skipped_files_in_one_line, test_quiet_index_writes_counts_with_thousands_separators,
          test_verbose_lists_every_warning_even_with_quiet, test_a_query_that_starts_with_a_dash_goes_after_double_dash,
          test_an_unknown_option_in_a_query_says_how_to_search_for_it])
