"""An index survives its writer being killed, interrupted, run twice at once, or running out of
disk: readers always see the complete old or the complete new state, and a re-run completes."""
import os
import subprocess
import tempfile
import time

from harness import KOSH, Workspace, check, main

OLD_FILES = 3
NEW_FILES = 1500


def write_old_corpus(ws):
    for i in range(OLD_FILES):
        ws.write(f"docs/old{i}.txt", f"Old note {i}\n\nThe glacier lake number {i} lies below the pass.\n")


def write_new_corpus(ws):
    for i in range(NEW_FILES):
        ws.write(f"docs/bulk/{i:04}.txt",
                 f"Bulk note {i}\n\n" + f"Sediment {i} and meltwater reach the plains of the Terai. " * 30 + "\n")


def stats(ws):
    run = ws.kosh("stats", "--json", expect=0)
    return run.jsonl()[0]


def popen_index(ws, *extra):
    return subprocess.Popen([KOSH, "index", "-q", *extra, "docs"], cwd=ws.dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def full_run_seconds(ws):
    """How long a full index of the new corpus takes here, measured in a scratch index."""
    started = time.monotonic()
    ws.kosh("index", "-q", "--index", "scratch", "docs", expect=0)
    return time.monotonic() - started


def test_sigkill_at_twenty_points_keeps_old_or_new_state():
    with Workspace() as ws:
        write_old_corpus(ws)
        ws.kosh("index", "-q", "docs", expect=0)
        old = stats(ws)
        write_new_corpus(ws)
        seconds = full_run_seconds(ws)
        states = {"old": 0, "new": 0}
        for point in range(20):
            proc = popen_index(ws)
            # Spread the kills over the whole run, including its final commit.
            time.sleep(seconds * (point + 0.5) / 20)
            proc.kill()
            proc.wait()
            now = stats(ws)
            if now["files"] == old["files"]:
                check(now["passages"] == old["passages"], f"kill {point}: half-old state {now}")
                states["old"] += 1
            else:
                check(now["files"] == OLD_FILES + NEW_FILES, f"kill {point}: partial state {now}")
                states["new"] += 1
            ws.kosh("ask", "Where does the glacier lake lie?", expect=0)
            if now["files"] != old["files"]:
                break  # the run got to commit; later kills would only test the unchanged case
        print(f"    kills: {states['old']} left the old state, {states['new']} the new one (full run {seconds:.1f} s)")
        check(states["old"] >= 5, f"too few kills landed before the commit: {states}")
        ws.kosh("index", "-q", "docs", expect=0)
        check(stats(ws)["files"] == OLD_FILES + NEW_FILES, "re-run did not complete")


def test_second_writer_waits_or_fails_with_the_holders_pid():
    with Workspace() as ws:
        write_old_corpus(ws)
        write_new_corpus(ws)
        first = popen_index(ws)
        time.sleep(0.3)
        second = ws.kosh("index", "-q", "--wait", "0.2", "docs", expect=None)
        first_status = first.poll()
        if first_status is None:
            check(second.status == 2, "second writer did not fail", second)
            check(f"being updated by process {first.pid}" in second.stderr, "message lacks the holder's pid", second)
            waiter = ws.kosh("index", "-q", "--wait", "120", "docs", expect=0)
            check(waiter.status == 0, "waiting writer failed", waiter)
        first.communicate(timeout=120)
        check(first.returncode == 0, f"first writer failed: {first.returncode}")
        check(stats(ws)["files"] == OLD_FILES + NEW_FILES, "final state")


def test_readers_during_writes_always_see_a_complete_index():
    with Workspace() as ws:
        write_old_corpus(ws)
        ws.kosh("index", "-q", "docs", expect=0)
        write_new_corpus(ws)
        writer = popen_index(ws)
        answers = 0
        while writer.poll() is None or answers == 0:
            run = ws.kosh("ask", "--json", "Where does the glacier lake lie?", expect=0)
            check(run.jsonl()[0]["passages"], "reader found nothing mid-write", run)
            answers += 1
        check(writer.returncode == 0, "writer failed")
        print(f"    {answers} questions answered while the index was written")


def test_full_disk_fails_cleanly_and_keeps_the_old_index():
    if os.geteuid() != 0:
        print("    skipped: mounting a small tmpfs needs root")
        return
    with Workspace() as ws:
        mount_point = tempfile.mkdtemp(prefix="kosh-fulldisk-")
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", mount_point]).returncode == 0
        if not mounted:
            print("    skipped: cannot mount tmpfs here")
            os.rmdir(mount_point)
            return
        try:
            index = os.path.join(mount_point, "index")
            write_old_corpus(ws)
            ws.kosh("index", "-q", "--index", index, "docs", expect=0)
            write_new_corpus(ws)
            run = ws.kosh("index", "-q", "--index", index, "docs", expect=2)
            check("left as it was" in run.stderr, "no clear message on a full disk", run)
            check(len(run.stderr.strip().splitlines()) == 1, "more than one line of error", run)
            after = ws.kosh("stats", "--json", "--index", index, expect=0).jsonl()[0]
            check(after["files"] == OLD_FILES, f"old index damaged: {after}", run)
            ws.kosh("ask", "--index", index, "Where does the glacier lake lie?", expect=0)
        finally:
            subprocess.run(["umount", mount_point])
            os.rmdir(mount_point)


if __name__ == "__main__":
    main([test_sigkill_at_twenty_points_keeps_old_or_new_state, test_second_writer_waits_or_fails_with_the_holders_pid,
          test_readers_during_writes_always_see_a_complete_index, test_full_disk_fails_cleanly_and_keeps_the_old_index])
