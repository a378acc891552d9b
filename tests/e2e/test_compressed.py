"""Compressed source files (.gz, .bz2, .xz, .zst) are indexed and outlined as what their inner
name says (guide.md.gz is Markdown), under their real path; a stream that is not what its suffix
says, is cut short or decompresses past the cap is skipped with a warning, and the files beside
it are still indexed.

Every fixture is made here, by the codecs' own commands (a codec whose command is missing is left
out) and by Python's gzip module.
"""
import gzip
import os
import shutil
import struct
import subprocess
import zlib

from harness import Workspace, check, main
from test_bad_input import index, no_crash, run_measured, summary, warned_about

GUIDE = "# Guide\n\nIntro to the guide.\n\n## Installing\n\nRun the marmoset installer before anything else.\n"
NOTES = "Notes\n\nThe okapi lives in the forests of Central Africa.\n"
FAQ = "Questions\n\nWhy does the quokka smile? Nobody knows for sure.\n"
ZST = "Walrus\n\nA walrus hauls out on the sea ice to rest.\n"

COMPRESSORS = {  # file name -> (command, text)
    "guide.md.gz": (["gzip", "-c"], GUIDE),
    "notes.txt.bz2": (["bzip2", "-c"], NOTES),
    "faq.txt.xz": (["xz", "-c"], FAQ),
    "walrus.txt.zst": (["zstd", "-q", "-c"], ZST),
}


def compress(command, text):
    return subprocess.run(command, input=text.encode(), capture_output=True, check=True).stdout


def write_compressed(ws):
    """Writes each fixture whose compressor is installed below docs/; returns their names."""
    written = []
    for name, (command, text) in COMPRESSORS.items():
        if shutil.which(command[0]) is None:
            print(f"note: {command[0]} is not installed; {name} is left out")
            continue
        with open(ws.path("docs", name), "wb") as f:
            f.write(compress(command, text))
        written.append(name)
    return written


def passages_for(ws, query):
    run = ws.kosh("search", "--json", query, expect=0)
    return run, run.jsonl()[0]["passages"]


def test_compressed_files_are_read_by_their_inner_name():
    with Workspace() as ws:
        os.makedirs(ws.path("docs"))
        written = write_compressed(ws)
        check("guide.md.gz" in written, "gzip is missing: the main fixture cannot be made")
        run = index(ws)
        check(summary(run) == (len(written), 0), f"expected {len(written)} files indexed, none skipped", run)
        check("warning" not in run.stderr, "unexpected warning", run)

        run, passages = passages_for(ws, "marmoset installer")
        top = passages[0]
        check(top["path"] == "docs/guide.md.gz", "the passage does not carry the real path", run)
        check(top["format"] == "markdown", "guide.md.gz was not read as Markdown", run)
        check(top["title"] == "Guide" and top["sections"] == ["Installing"], "the Markdown headings are lost", run)
        check(top["line"] == 7, "wrong line number in the decompressed text", run)

        expected = {"notes.txt.bz2": "okapi", "faq.txt.xz": "quokka", "walrus.txt.zst": "walrus"}
        for name, word in expected.items():
            if name not in written:
                continue
            run, passages = passages_for(ws, word)
            top = passages[0]
            check(top["path"] == f"docs/{name}", f"{name}: wrong path", run)
            check(top["format"] == "text", f"{name}: not read as plain text", run)
            check(top["line"] == 3, f"{name}: wrong line number", run)
            check(word in top["text"].lower(), f"{name}: the passage lacks {word!r}", run)

        # Unchanged on disk, unchanged in the index: the fingerprint is of the compressed bytes.
        again = index(ws)
        check(summary(again) == (0, 0), "a second run re-indexed unchanged compressed files", again)


def test_outline_of_a_compressed_file():
    with Workspace() as ws:
        with open(ws.path("guide.md.gz"), "wb") as f:
            f.write(compress(["gzip", "-c"], GUIDE))
        run = ws.kosh("outline", "guide.md.gz", expect=0)
        check(run.stdout == "Guide\n  Installing\n", "the outline is not the Markdown heading tree", run)
        with open(ws.path("broken.md.gz"), "wb") as f:
            f.write(b"# Not compressed at all\n")
        run = ws.kosh("outline", "broken.md.gz", expect=2)
        check(run.stderr == "kosh: broken.md.gz: not gzip data\n", "the outline error does not name the problem", run)


def test_bad_streams_are_skipped_and_the_rest_indexed():
    with Workspace() as ws:
        ws.write("docs/good.txt", NOTES)
        with open(ws.path("docs", "plain.txt.gz"), "wb") as f:
            f.write(b"This file is named .gz but holds plain text.\n")
        whole = compress(["gzip", "-c"], FAQ * 20)
        with open(ws.path("docs", "truncated.txt.gz"), "wb") as f:
            f.write(whole[: len(whole) // 2])
        run = index(ws)
        no_crash(run)
        warned_about(run, "docs/plain.txt.gz", "skipped", "not gzip data")
        warned_about(run, "docs/truncated.txt.gz", "skipped", "bad gzip data")
        check(summary(run) == (1, 2), "expected 1 file indexed and 2 skipped", run)
        run, passages = passages_for(ws, "okapi")
        check(passages[0]["path"] == "docs/good.txt", "the good file is not answerable", run)


def test_a_bomb_stops_at_the_cap_in_bounded_memory():
    with Workspace() as ws:
        ws.write("docs/good.txt", NOTES)
        # 300 MiB of zeros compress to about 300 KB; written a block at a time.
        block = bytes(1 << 20)
        with gzip.open(ws.path("docs", "bomb.txt.gz"), "wb", compresslevel=9) as f:
            for _ in range(300):
                f.write(block)
        check(os.path.getsize(ws.path("docs", "bomb.txt.gz")) < 2 << 20, "the bomb is not small on disk")
        run, peak, seconds = run_measured(ws, "index", "docs")
        no_crash(run)
        check(run.status == 0, "kosh index failed", run)
        warned_about(run, "docs/bomb.txt.gz", "skipped", "decompressed size over 256 MiB")
        check(summary(run) == (1, 1), "expected 1 file indexed and 1 skipped", run)
        print(f"note: bomb: peak RSS {peak / 2**20:.0f} MiB, {seconds:.2f} s")
        check(peak < 800 << 20, f"peak RSS {peak / 2**20:.0f} MiB: the cap does not bound memory", run)


def test_a_lying_size_trailer_is_harmless():
    with Workspace() as ws:
        ws.write("docs/good.txt", NOTES)
        # A gzip member's last four bytes give the text's size mod 2^32; claim 10 GB's worth.
        honest = compress(["gzip", "-c"], FAQ)
        claimed = (10 * 10**9) % 2**32
        with open(ws.path("docs", "liar.txt.gz"), "wb") as f:
            f.write(honest[:-4] + struct.pack("<I", claimed))
        # And one whose CRC is wrong too, so that no check is left to catch it but the data.
        crc_wrong = honest[:-8] + struct.pack("<I", zlib.crc32(b"other") & 0xFFFFFFFF) + honest[-4:]
        with open(ws.path("docs", "crc.txt.gz"), "wb") as f:
            f.write(crc_wrong)
        run, peak, _seconds = run_measured(ws, "index", "docs")
        no_crash(run)
        check(run.status == 0, "kosh index failed", run)
        check(peak < 200 << 20, f"peak RSS {peak / 2**20:.0f} MiB for a few small files", run)
        # The size field is not trusted for anything: the file is read by its data, which is sound.
        check("liar.txt.gz" not in run.stderr, "the lying size trailer made the file fail", run)
        run_search, passages = passages_for(ws, "quokka")
        liar = [p for p in passages if p["path"] == "docs/liar.txt.gz"]
        check(liar and liar[0]["text"] == "Why does the quokka smile? Nobody knows for sure.",
              "the file with the lying size trailer is not indexed with its real text", run_search)
        # A wrong CRC is libarchive's to catch; either way the file is accounted for, never a crash.
        indexed, skipped = summary(run)
        check((indexed, skipped) in ((3, 0), (2, 1)), "the files are not all accounted for", run)
        if skipped:
            warned_about(run, "docs/crc.txt.gz", "skipped", "bad gzip data")
        print(f"note: lying trailers: {indexed} indexed, {skipped} skipped")

if __name__ == "__main__":
    main([
        test_compressed_files_are_read_by_their_inner_name,
        test_outline_of_a_compressed_file,
        test_bad_streams_are_skipped_and_the_rest_indexed,
        test_a_bomb_stops_at_the_cap_in_bounded_memory,
        test_a_lying_size_trailer_is_harmless,
    ])
