"""Perl's own manual pages, where installed (perl-doc): `kosh outline perlre.pod` starts with the
NAME title and lists the same =head1..=head4 texts, in the same order and nesting, as perl's
Pod::Simple finds, for every manual page beside it.

The manuals are looked for in KOSH_PERL_POD_DIR (a folder of .pod files), then
/usr/share/perl/5.*/pod and `perldoc -l perlre`; the test is skipped where there are none."""
import glob
import os
import shutil
import subprocess
import sys

from harness import SKIP_STATUS, Workspace, check, main

# Prints each heading Pod::Simple sees, indented two spaces per level, with X<> and Z<> (index
# entries and zero-width markers) left out as a reader never sees them.
HEADINGS_SCRIPT = r"""
use strict; use warnings; use Pod::Simple::PullParser;
binmode STDOUT, ':encoding(UTF-8)';
my $parser = Pod::Simple::PullParser->new;
$parser->set_source($ARGV[0]);
my ($level, $text, $hidden) = (0, '', 0);
while (my $token = $parser->get_token) {
    my $tag = $token->is_text ? '' : $token->tagname;
    if ($token->is_start && $tag =~ /^head(\d)$/) { ($level, $text) = ($1, ''); }
    elsif ($token->is_start && $tag =~ /^[XZ]$/) { $hidden++; }
    elsif ($token->is_end && $tag =~ /^[XZ]$/) { $hidden--; }
    elsif ($token->is_text && $level && !$hidden) { $text .= $token->text; }
    elsif ($token->is_end && $tag =~ /^head\d$/) {
        $text =~ s/\s+/ /g; $text =~ s/^ | $//g;
        print '  ' x $level, $text, "\n";
        $level = 0;
    }
}
"""


def find_perlre():
    folders = [os.environ.get("KOSH_PERL_POD_DIR", "")] + sorted(glob.glob("/usr/share/perl/5.*/pod"))
    for folder in folders:
        if folder and os.path.isfile(os.path.join(folder, "perlre.pod")):
            return os.path.join(folder, "perlre.pod")
    if shutil.which("perldoc"):
        run = subprocess.run(["perldoc", "-l", "perlre"], capture_output=True, text=True)
        path = run.stdout.strip()
        if run.returncode == 0 and path.endswith(".pod") and os.path.isfile(path):
            return path
    return None


def has_pod_simple():
    return shutil.which("perl") is not None and subprocess.run(
        ["perl", "-MPod::Simple::PullParser", "-e", "1"], capture_output=True).returncode == 0


PERLRE = find_perlre()


def test_perlre_outline_starts_with_its_name():
    with Workspace() as ws:
        run = ws.kosh("outline", PERLRE, expect=0)
        lines = run.stdout.splitlines()
        check(lines[:3] == ["perlre - Perl regular expressions", "  NAME", "  DESCRIPTION"],
              "perlre's outline does not open with its NAME title and first sections", run)
        check("    Modifiers" in lines, "perlre lacks its Modifiers section", run)
        # Code examples are never headings (a plain-text reading took them for some).
        check(not any("=~" in line for line in lines), "a code line became a heading", run)


def test_headings_match_pod_simple():
    if not has_pod_simple():
        print("  (perl's Pod::Simple is absent: headings not compared)")
        return
    pods = sorted(glob.glob(os.path.join(os.path.dirname(PERLRE), "*.pod")))
    with Workspace() as ws:
        for pod in pods:
            expected = subprocess.run(["perl", "-e", HEADINGS_SCRIPT, pod], capture_output=True, text=True,
                                      check=True).stdout
            run = ws.kosh("outline", pod, expect=0)
            title, _, headings = run.stdout.partition("\n")
            check(headings == expected, f"{os.path.basename(pod)}: headings differ from Pod::Simple's\n"
                                        f"--- Pod::Simple ---\n{expected[:2000]}", run)
            check(title.strip() != "", f"{os.path.basename(pod)}: empty title", run)


if __name__ == "__main__":
    if PERLRE is None:
        print("skipped: perl's manual pages (perlre.pod) are not installed; set KOSH_PERL_POD_DIR to a folder of them")
        sys.exit(SKIP_STATUS)
    main([test_perlre_outline_starts_with_its_name, test_headings_match_pod_simple])
