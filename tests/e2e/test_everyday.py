"""kosh as an everyday tool, as a user with a home folder lives with it: an index that remembers
its roots and is found from anywhere, paths printed from where kosh runs, stale results marked,
projects with their own index, and --watch keeping the index up to date.

Each test gives kosh a home folder of its own inside the workspace, and no KOSH_INDEX or
XDG_DATA_HOME, so the index is the one a user gets by default: ~/.local/share/kosh/default.
"""
import json
import os
import signal
import subprocess
import time

from harness import KOSH, Workspace, check, error_line, main

GARDEN = "# Garden\n\nThe tomatoes need watering every second day in July.\n"
BIKE = "Bikes\n\nThe bicycle chain should be oiled every two hundred kilometres.\n"


class Home:
    """A workspace with a home folder holding ~/notes and ~/docs, and a folder elsewhere to run in."""

    def __init__(self):
        self.ws = Workspace()
        self.home = self.ws.path("home")
        self.ws.write("home/notes/garden.md", GARDEN)
        self.ws.write("home/docs/bike.txt", BIKE)
        os.makedirs(self.ws.path("elsewhere"))
        self.env = {"HOME": self.home, "KOSH_INDEX": None, "XDG_DATA_HOME": None, "XDG_CONFIG_HOME": None}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.ws.__exit__(*exc)

    def kosh(self, *args, cwd="elsewhere", env=None, expect=None):
        return self.ws.kosh(*args, env={**self.env, **(env or {})}, expect=expect, cwd=self.ws.path(cwd))

    def write(self, relative, content):
        """Writes a file below home, with an mtime a second later than before, so a change is seen
        even on a file system that keeps mtimes coarsely."""
        path = self.ws.write(os.path.join("home", relative), content)
        later = time.time() + 1
        os.utime(path, (later, later))
        return path


def first_passage(run):
    return run.jsonl()[0]["passages"][0]


def test_an_index_of_two_roots_answers_from_anywhere_and_remembers_them():
    with Home() as h:
        run = h.kosh("index", os.path.join(h.home, "notes"), os.path.join(h.home, "docs"), expect=0)
        check(run.stdout.startswith("~/.local/share/kosh/default: 2 files indexed"), "not the user's index", run)
        check(os.path.isfile(os.path.join(h.home, ".local/share/kosh/default/iamglass")), "no index in ~/.local")
        for question, path in (("How often should the bicycle chain be oiled?", "~/docs/bike.txt"),
                               ("When do the tomatoes need watering?", "~/notes/garden.md")):
            run = h.kosh("ask", "--json", question, cwd="elsewhere", expect=0)
            hit = first_passage(run)
            check(hit["path"] == path and hit["absolute_path"] == os.path.join(h.home, path[2:]),
                  f"{question}: answered from {hit['path']}", run)
        run = h.kosh("index", "--list", expect=0)
        check(run.stdout == "~/docs  1 file\n~/notes  1 file\n", "--list does not show both roots", run)
        # Bare `kosh index` brings both roots up to date: a changed note, a new document.
        h.write("notes/garden.md", GARDEN.replace("second day in July", "day in August"))
        h.write("docs/boat.txt", "Boats\n\nThe kayak paddle hangs in the garage rafters.\n")
        run = h.kosh("index", expect=0)
        check("2 files indexed" in run.stdout and "0 removed" in run.stdout, "bare index did not update both", run)
        run = h.kosh("ask", "--json", "Where does the kayak paddle hang?", expect=0)
        check(first_passage(run)["path"] == "~/docs/boat.txt", "the new document is not found", run)
        # Below the home folder paths print relative to where kosh runs; --absolute prints them whole.
        run = h.kosh("search", "--json", "rafters", cwd="home/docs", expect=0)
        check(first_passage(run)["path"] == "boat.txt", "path not relative to the current folder", run)
        run = h.kosh("search", "--absolute", "rafters", expect=0)
        check(f"{h.home}/docs/boat.txt:3" in run.stdout, "--absolute does not print the whole path", run)
        # path: filters take the forms paths print in.
        for folder in ("~/notes/", os.path.join(h.home, "notes") + "/"):
            run = h.kosh("search", "--json", f"path:{folder}", "watering", expect=0)
            check(len(run.jsonl()[0]["passages"]) == 1, f"path:{folder} does not filter", run)
        h.kosh("search", "path:~/docs/", "watering", expect=1)
        run = h.kosh("search", "--json", "path:notes/", "watering", cwd="home", expect=0)
        check(first_passage(run)["path"] == "notes/garden.md", "a relative path: filter is not read from here", run)


def test_a_changed_file_is_marked_a_deleted_one_dropped_and_refresh_brings_them_up_to_date():
    with Home() as h:
        h.kosh("index", "-q", os.path.join(h.home, "notes"), os.path.join(h.home, "docs"), expect=0)
        h.write("notes/garden.md", GARDEN.replace("second day in July", "day in August"))
        run = h.kosh("ask", "-n", "1", "When do the tomatoes need watering?", expect=0)
        check("~/notes/garden.md:3 (changed since indexed)" in run.stdout, "the stale hit is not marked", run)
        check("kosh: 1 file changed since it was indexed, so its results may be out of date; run 'kosh index' "
              "(or add --refresh)" in run.stderr, "no hint to index again", run)
        run = h.kosh("ask", "--json", "When do the tomatoes need watering?", expect=0)
        result = run.jsonl()[0]
        check(result["answer"]["stale"] is True and first_passage(run)["stale"] is True, "JSON has no stale mark", run)
        run = h.kosh("ask", "--json", "--refresh", "When do the tomatoes need watering?", expect=0)
        check(first_passage(run)["stale"] is False and "August" in first_passage(run)["text"],
              "--refresh did not index the file again", run)
        check("--refresh: 1 file indexed again" in run.stderr, "--refresh said nothing", run)
        os.remove(os.path.join(h.home, "docs/bike.txt"))
        run = h.kosh("search", "bicycle", expect=1)
        check("bike.txt" not in run.stdout and "left out results from 1 file deleted since indexed" in run.stderr,
              "a deleted file's hit was printed", run)


def test_roots_can_be_removed_and_a_missing_root_keeps_its_files():
    with Home() as h:
        h.kosh("index", "-q", os.path.join(h.home, "notes"), os.path.join(h.home, "docs"), expect=0)
        os.rename(os.path.join(h.home, "docs"), os.path.join(h.home, "unplugged"))
        run = h.kosh("index", expect=0)
        check("~/docs: root not found, so its files were kept" in run.stderr, "a missing root is not reported", run)
        run = h.kosh("index", "--list", "--json", expect=0)
        roots = {root["path"]: root for root in run.jsonl()}
        check(roots["~/docs"]["missing"] is True and roots["~/docs"]["files"] == 1, "--list lost the missing root", run)
        run = h.kosh("index", "--remove", os.path.join(h.home, "docs"), expect=0)
        check("1 removed" in run.stdout, "--remove did not drop the root's file", run)
        run = h.kosh("index", "--list", expect=0)
        check(run.stdout == "~/notes  1 file\n", "--remove left the root", run)
        error_line(h.kosh("index", "--remove", os.path.join(h.home, "notes/garden.md"), expect=2),
                   f"kosh: {h.home}/notes/garden.md: not a root of this index; kosh index --list shows them")
        # --only: exactly these, as kosh index used to do.
        h.kosh("index", "--only", os.path.join(h.home, "unplugged"), expect=0)
        run = h.kosh("index", "--list", expect=0)
        check(run.stdout == "~/unplugged  1 file\n", "--only kept other roots", run)


def test_a_project_has_its_own_index_and_a_named_index_is_one_word():
    with Home() as h:
        h.ws.write("home/project/docs/readme.md", "# Project\n\nThe build needs cmake and a C++20 compiler.\n")
        run = h.kosh("init", cwd="home/project", expect=0)
        check(run.stdout.startswith("made .kosh: kosh run in this folder or below now uses its index"),
              "init said something else", run)
        h.kosh("index", "-q", "docs", cwd="home/project", expect=0)
        check(os.path.isfile(os.path.join(h.home, "project/.kosh/index/iamglass")), "the project index is elsewhere")
        run = h.kosh("ask", "--json", "What does the build need?", cwd="home/project/docs", expect=0)
        check(first_passage(run)["path"] == "readme.md", "the project index was not found from below", run)
        # Outside the project the user's own index is used, which does not hold it.
        h.kosh("search", "cmake", cwd="elsewhere", expect=2)  # no user index yet: an error naming it
        h.kosh("index", "-q", "--index", "@bikes", os.path.join(h.home, "docs"), expect=0)
        check(os.path.isdir(os.path.join(h.home, ".local/share/kosh/bikes")), "@bikes is not under ~/.local/share")
        h.kosh("search", "--index", "@bikes", "bicycle", expect=0)
        run = h.kosh("search", "bicycle", env={"KOSH_INDEX": "@bikes"}, expect=0)
        error_line(h.kosh("search", "--index", "@a/b", "x", expect=2),
                   "kosh: @a/b: an index name is a single word, as in --index @notes")


def test_the_config_file_changes_a_default():
    with Home() as h:
        h.kosh("index", "-q", os.path.join(h.home, "notes"), os.path.join(h.home, "docs"), expect=0)
        h.ws.write("home/.config/kosh/config", "search.limit = 1\n")
        run = h.kosh("search", "--json", "the", env={"KOSH_CONFIG": None}, expect=0)
        check(len(run.jsonl()[0]["passages"]) == 1, "the config's limit was not applied", run)


def wait_for(predicate, seconds):
    """Polls `predicate` until it is true or `seconds` pass; returns the seconds it took, or None."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def test_watch_picks_up_new_and_saved_files_within_two_seconds_and_stops_on_ctrl_c():
    with Home() as h:
        h.kosh("index", "-q", os.path.join(h.home, "notes"), os.path.join(h.home, "docs"), expect=0)
        env = {k: v for k, v in os.environ.items() if k not in ("KOSH_INDEX", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
        env["HOME"] = h.home
        watcher = subprocess.Popen([KOSH, "index", "--watch"], cwd=h.ws.path("elsewhere"), env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            # The first run prints its summary line, then the watches are set up and it says so.
            check(watcher.stdout.readline().startswith("~/.local/share/kosh/default: "), "no first run")
            check("watching 2 roots" in watcher.stderr.readline(), "no line saying the watch is set up")

            def found(word):
                return lambda: h.kosh("search", word).status == 0

            h.ws.write("home/docs/boat.txt", "Boats\n\nThe kayak paddle hangs in the garage rafters.\n")
            took = wait_for(found("rafters"), 2.0)
            check(took is not None, "a new file was not searchable within 2 s of being written")
            # An editor's save: a temporary file renamed over the original.
            temporary = h.ws.write("home/notes/.garden.md.tmp", GARDEN.replace("July", "September"))
            os.rename(temporary, os.path.join(h.home, "notes/garden.md"))
            check(wait_for(found("september"), 2.0) is not None, "a save by rename was not picked up within 2 s")
            os.remove(os.path.join(h.home, "docs/bike.txt"))
            check(wait_for(lambda: h.kosh("stats", "--json").jsonl()[0]["files"] == 2, 2.0) is not None,
                  "a deleted file stayed in the index")
            # Readers never wait: the index is opened for writing only while a change is written.
            run = h.kosh("ask", "When do the tomatoes need watering?", expect=0)
            check("(changed since indexed)" not in run.stdout, "the watched index is stale", run)
            print(f"     new file searchable after {took:.2f} s")
        finally:
            watcher.send_signal(signal.SIGINT)
            try:
                out, err = watcher.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                watcher.kill()
                out, err = watcher.communicate()
        check(watcher.returncode == 0, f"--watch ended with {watcher.returncode} on Ctrl-C: {err}")
        check("stopped watching" in err, f"--watch said: {err}")


if __name__ == "__main__":
    main([
        test_an_index_of_two_roots_answers_from_anywhere_and_remembers_them,
        test_a_changed_file_is_marked_a_deleted_one_dropped_and_refresh_brings_them_up_to_date,
        test_roots_can_be_removed_and_a_missing_root_keeps_its_files,
        test_a_project_has_its_own_index_and_a_named_index_is_one_word,
        test_the_config_file_changes_a_default,
        test_watch_picks_up_new_and_saved_files_within_two_seconds_and_stops_on_ctrl_c,
    ])
