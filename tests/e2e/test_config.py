"""Configuration files: defaults for options from the user's file ($XDG_CONFIG_HOME/kosh/config)
and a project's .kosh/config, KOSH_CONFIG in their place, --no-config, the command line winning,
and a bad line reported as FILE:LINE before anything runs."""
import json

from harness import check, error_line, indexed_workspace, main

QUESTION = "Nepal Russia relations"
ESCAPE = "\x1b["


def config_env(ws):
    """HOME and XDG_CONFIG_HOME inside the workspace, and KOSH_CONFIG unset (the harness sets it
    empty for every other test), so the files this test writes are the ones found."""
    return {"HOME": ws.dir, "XDG_CONFIG_HOME": ws.path("xdg"), "KOSH_CONFIG": None}


def passages(run):
    return [len(json.loads(line)["passages"]) for line in run.stdout.splitlines()]


def test_user_config_sets_a_default_the_command_line_overrides():
    with indexed_workspace() as ws:
        env = config_env(ws)
        plain = ws.kosh("ask", "--format", "json", QUESTION, env=env, expect=0)
        check(passages(plain) == [3], "without a config, ask shows 3 passages", plain)
        ws.write("xdg/kosh/config", "# fewer passages\n\nask.limit = 1\n")
        run = ws.kosh("ask", "--format", "json", QUESTION, env=env, expect=0)
        check(passages(run) == [1], "ask.limit = 1 shows 1 passage", run)
        run = ws.kosh("ask", "-n", "2", "--format", "json", QUESTION, env=env, expect=0)
        check(passages(run) == [2], "-n 2 on the command line wins over the config", run)
        # The setting is for ask only: search keeps its own default.
        run = ws.kosh("search", "--format", "json", "russia", env=env, expect=0)
        check(passages(run)[0] > 1, "ask.limit does not apply to search", run)


def test_bare_option_applies_where_it_exists_and_command_line_wins():
    with indexed_workspace() as ws:
        env = config_env(ws)
        ws.write("xdg/kosh/config", "color = always\n")
        run = ws.kosh("ask", QUESTION, env=env, expect=0)
        check(ESCAPE in run.stdout, "color = always colours output to a pipe", run)
        run = ws.kosh("ask", "--color", "never", QUESTION, env=env, expect=0)
        check(ESCAPE not in run.stdout, "--color never on the command line wins", run)
        # stats has no --color: the bare setting just does not apply there.
        run = ws.kosh("stats", env=env, expect=0)
        check(ESCAPE not in run.stdout and run.stderr == "", "stats ignores a bare color", run)


def test_project_config_overrides_the_users_and_no_config_reads_none():
    with indexed_workspace() as ws:
        env = config_env(ws)
        ws.write("xdg/kosh/config", "ask.limit = 1\nask.format = json\n")
        ws.write(".kosh/config", "ask.limit = 2\n")
        run = ws.kosh("ask", QUESTION, env=env, expect=0)
        check(passages(run) == [2], "the project's ask.limit = 2 overrides the user's 1; format json is kept", run)
        for args in (["--no-config", "ask"], ["ask", "--no-config"]):
            run = ws.kosh(*args, "--format", "json", QUESTION, env=env, expect=0)
            check(passages(run) == [3], f"{' '.join(args)}: no config read, the default 3 passages", run)


def test_kosh_config_replaces_both_and_empty_means_none():
    with indexed_workspace() as ws:
        env = config_env(ws)
        ws.write("xdg/kosh/config", "ask.limit = 1\n")
        ws.write(".kosh/config", "ask.limit = 2\n")
        chosen = ws.write("elsewhere.conf", "ask.format = json\nask.limit = 2\nask.limit = 1\n")
        run = ws.kosh("ask", QUESTION, env={**env, "KOSH_CONFIG": chosen}, expect=0)
        check(passages(run) == [1], "KOSH_CONFIG's file alone is read, its last limit winning", run)
        run = ws.kosh("ask", "--format", "json", QUESTION, env={**env, "KOSH_CONFIG": ""}, expect=0)
        check(passages(run) == [3], "KOSH_CONFIG= empty reads no file", run)
        run = ws.kosh("ask", QUESTION, env={**env, "KOSH_CONFIG": ws.path("missing.conf")}, expect=2)
        error_line(run, f"kosh: {ws.path('missing.conf')}: cannot read the configuration file")


def test_bad_lines_exit_2_naming_file_and_line():
    with indexed_workspace() as ws:
        env = config_env(ws)
        config = ws.path("xdg", "kosh", "config")
        cases = [
            ("ask.limit 5\n", 1, "missing '=' in 'ask.limit 5' (write NAME = VALUE)"),
            ("# ok\nfoo.limit = 1\n", 2, "unknown subcommand 'foo'"),
            ("stats.limit = 1\n", 1, "kosh stats has no option --limit"),
            ("\n\nnothing = 1\n", 3, "no subcommand has an option --nothing"),
            ("search.format = xml\n", 1, "unknown --format 'xml' (use text, json, tsv or trec)"),
            ("ask.limit = 0\n", 1, "--limit: Value 0 not in range 1 to 1000"),
            ("ask.explain = yes\n", 1, "explain takes true or false, not 'yes'"),
        ]
        for text, line, why in cases:
            ws.write("xdg/kosh/config", text)
            # A bad line for another subcommand is reported too, before anything runs.
            run = ws.kosh("ask", QUESTION, env=env, expect=2)
            error_line(run, f"kosh: {config}:{line}: {why}")
            check(run.stdout == "", "nothing ran", run)
        ws.write("xdg/kosh/config", "ask.limit = 0\n")
        ws.kosh("ask", "--no-config", QUESTION, env=env, expect=0)


def test_repeatable_options_accumulate():
    with indexed_workspace() as ws:
        env = config_env(ws)
        ws.write("docs/a.md", "# Alpha\n\nThe quokka lives on Rottnest island.\n")
        ws.write("docs/b.txt", "The quokka is a small marsupial.\n")
        ws.write("docs/c.rst", "The quokka smiles.\n")
        ws.write("xdg/kosh/config", "index.exclude = *.md\nindex.exclude = *.txt\nindex.quiet = true\n")
        run = ws.kosh("index", "--index", "idx", "docs", env=env, expect=0)
        check(run.stdout == "" and run.stderr == "", "index.quiet = true prints nothing", run)
        run = ws.kosh("search", "--index", "idx", "--format", "json", "quokka", env=env, expect=0)
        paths = sorted({p["path"] for line in run.stdout.splitlines() for p in json.loads(line)["passages"]})
        check(paths == ["docs/c.rst"], "both excludes apply", run)


if __name__ == "__main__":
    main([test_user_config_sets_a_default_the_command_line_overrides,
          test_bare_option_applies_where_it_exists_and_command_line_wins,
          test_project_config_overrides_the_users_and_no_config_reads_none,
          test_kosh_config_replaces_both_and_empty_means_none,
          test_bad_lines_exit_2_naming_file_and_line,
          test_repeatable_options_accumulate])
