"""Helpers for end-to-end tests: run the real kosh binary in a fresh folder and explain failures.

Each test gets its own temporary folder as cwd. When a check fails, the harness prints the
command, the folder, its listing, the exit status, stdout and stderr, so the failure can be
understood without re-running it.
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile

KOSH = os.environ.get("KOSH_BIN", "kosh")
SOURCE_DIR = os.environ.get("KOSH_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CORPUS = os.path.join(SOURCE_DIR, "corpus")
E2E_DIR = os.path.join(SOURCE_DIR, "tests", "e2e")

# No configuration file may change what a test sees: neither the developer's own
# ~/.config/kosh/config nor a .kosh/config above the test's folder. Every kosh a test starts, by
# Workspace.kosh or by subprocess, inherits this; tests of the configuration set their own.
os.environ["KOSH_CONFIG"] = ""
# Nor may a test read or write the user's own index (~/.local/share/kosh): a kosh that finds no
# --index, KOSH_INDEX or .kosh/ uses one under this folder, made afresh for each test run.
_DATA_HOME = tempfile.mkdtemp(prefix="kosh-e2e-data-")
os.environ["XDG_DATA_HOME"] = _DATA_HOME
atexit.register(shutil.rmtree, _DATA_HOME, True)


def kosh_environment():
    """The environment a test's kosh runs in when started directly rather than by Workspace.kosh:
    the workspace's index/ as the index (the test's cwd), and no colour settings."""
    env = dict(os.environ)
    env["KOSH_INDEX"] = "index"
    env.pop("NO_COLOR", None)
    env.pop("CLICOLOR_FORCE", None)
    return env


class Run:
    def __init__(self, args, cwd, status, stdout, stderr):
        self.args, self.cwd, self.status, self.stdout, self.stderr = args, cwd, status, stdout, stderr

    def jsonl(self):
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def describe(self):
        listing = []
        for root, _dirs, files in os.walk(self.cwd):
            for name in files:
                listing.append(os.path.relpath(os.path.join(root, name), self.cwd))
        return (f"command: {' '.join(self.args)}\ncwd: {self.cwd}\nfiles: {sorted(listing)[:30]}\n"
                f"status: {self.status}\n--- stdout ---\n{self.stdout[:4000]}\n--- stderr ---\n{self.stderr[:4000]}")


class Failure(Exception):
    pass


class Workspace:
    """A fresh folder to run kosh in; removed afterwards."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kosh-e2e-")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, relative, content, mode="w"):
        full = self.path(relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, mode) as f:
            f.write(content)
        return full

    def copy_corpus(self):
        shutil.copytree(CORPUS, self.path("corpus"))

    def open_to_everyone(self):
        """Lets any user read and write the workspace, for a kosh run as another user."""
        for folder, folders, files in os.walk(self.dir):
            os.chmod(folder, 0o777)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o666)

    def kosh(self, *args, stdin=None, env=None, expect=None, as_user=(), cwd=None):
        """Runs kosh in the workspace, with the workspace's index/ as its index unless `env` or
        --index says otherwise; `as_user` is a command prefix from unprivileged_prefix(); `cwd`
        a folder to run in other than the workspace."""
        full_env = dict(os.environ)
        full_env["KOSH_INDEX"] = "index"  # relative to the workspace, as messages name it
        full_env.pop("NO_COLOR", None)
        full_env.pop("CLICOLOR_FORCE", None)
        for name, value in (env or {}).items():
            if value is None:  # None unsets a variable
                full_env.pop(name, None)
            else:
                full_env[name] = value
        command = [*as_user, KOSH, *args]
        proc = subprocess.run(command, cwd=cwd or self.dir, input=stdin, capture_output=True, env=full_env,
                              text=not isinstance(stdin, bytes), timeout=120)
        stdout = proc.stdout if isinstance(proc.stdout, str) else proc.stdout.decode("utf-8", "replace")
        stderr = proc.stderr if isinstance(proc.stderr, str) else proc.stderr.decode("utf-8", "replace")
        run = Run(command, cwd or self.dir, proc.returncode, stdout, stderr)
        if expect is not None and run.status != expect:
            raise Failure(f"expected exit status {expect}\n{run.describe()}")
        return run


def unprivileged_prefix():
    """A command prefix that drops root to user nobody, so that file modes apply (they stop no
    root process); () when not root; None when that user cannot run kosh (no setpriv, or the
    binary sits below a folder only root may enter)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
    probe = subprocess.run([*prefix, KOSH, "--version"], cwd="/", capture_output=True)
    return prefix if probe.returncode == 0 else None


def write_split_corpus(ws, folder="docs"):
    """The shipped article cut into one file per paragraph (over 40 files, each titled by its
    number): a multi-file corpus the tests write themselves, so they need nothing from outside the
    repository. Returns the file names in order."""
    with open(os.path.join(CORPUS, "nepal-russia-relations.txt"), encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n\n") if len(p.split()) >= 20]
    names = []
    for number, paragraph in enumerate(paragraphs, 1):
        names.append(f"part-{number:02}.txt")
        ws.write(os.path.join(folder, names[-1]), f"Part {number}\n\n{paragraph}\n")
    return names


def indexed_workspace():
    """A workspace holding a copy of the shipped corpus, indexed into its index/."""
    ws = Workspace()
    ws.copy_corpus()
    ws.kosh("index", "-q", "corpus", expect=0)
    return ws


SHARED_DIR = os.path.join(os.path.dirname(SOURCE_DIR), "shared")
SKIP_STATUS = 77  # ctest's SKIP_RETURN_CODE for the e2e tests (tests/CMakeLists.txt)


def shared_path(*parts):
    """A path in the public test collections beside the repository (../shared); a test file that
    needs one calls this first, and the whole file is skipped, with the reason, where it is absent
    (a user's clone has none)."""
    path = os.path.join(SHARED_DIR, *parts)
    if not os.path.exists(path):
        print(f"skipped: {path} is absent (the public test collections beside the repository)")
        sys.exit(SKIP_STATUS)
    return path


def check(condition, message, run=None):
    if not condition:
        raise Failure(message + ("\n" + run.describe() if run else ""))


def error_line(run, expected):
    """Standard error is exactly one line, `expected`; a trailing `...` matches any rest of it."""
    if expected.endswith("..."):
        check(run.stderr.count("\n") == 1 and run.stderr.endswith("\n") and run.stderr.startswith(expected[:-3]),
              f"stderr is not the one line {expected!r}", run)
    else:
        check(run.stderr == expected + "\n", f"stderr is not exactly {expected!r}", run)


def main(tests):
    """Runs each test function; prints a summary line; exits non-zero when any failed."""
    failed = 0
    for test in tests:
        try:
            test()
            print(f"ok   {test.__name__}")
        except Failure as error:
            failed += 1
            print(f"FAIL {test.__name__}\n{error}\n")
        except Exception as error:  # a crash in the test itself is a failure too
            failed += 1
            print(f"FAIL {test.__name__}: {type(error).__name__}: {error}\n")
    print(f"{len(tests) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
