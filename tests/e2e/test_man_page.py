"""man/kosh.1 documents every subcommand and every long option that `kosh --help` lists."""
import os
import re

from harness import SOURCE_DIR, Workspace, check, main

MAN_PAGE = os.path.join(SOURCE_DIR, "man", "kosh.1")
LONG_OPTION = re.compile(r"(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)")


def man_text():
    with open(MAN_PAGE, encoding="utf-8") as f:
        return f.read()


def subcommands(help_text):
    """The names listed under "Subcommands:" in `kosh --help`."""
    names = []
    in_list = False
    for line in help_text.splitlines():
        if line.strip() == "Subcommands:":
            in_list = True
            continue
        if in_list:
            if not line.strip():
                break
            names.append(line.split()[0])
    return names


def help_texts(ws):
    """`kosh --help` and each `kosh COMMAND --help`, by command ("" for the top level)."""
    top = ws.kosh("--help", expect=0)
    texts = {"": top.stdout}
    for command in subcommands(top.stdout):
        texts[command] = ws.kosh(command, "--help", expect=0).stdout
    return texts


def plain_text(man):
    """The page without font changes (\\fB, \\f(CW, \\f[I]) or \\& and \\%, and with "\\-" as "-"."""
    text = re.sub(r"\\f(?:\[[^\]]*\]|\(..|.)", "", man)
    return text.replace("\\&", "").replace("\\%", "").replace("\\-", "-")


def documented(man, option):
    plain = plain_text(man)
    return re.search(r"(?<![\w-])--" + re.escape(option) + r"(?![\w-])", plain) is not None


def test_every_long_option_is_in_the_man_page():
    man = man_text()
    with Workspace() as ws:
        texts = help_texts(ws)
    check(len(texts) > 1, f"no subcommands found in kosh --help: {texts['']!r}")
    missing = []
    for command, text in texts.items():
        options = sorted(set(LONG_OPTION.findall(text)))
        check(options, f"no long options found in 'kosh {command} --help'")
        missing += [f"kosh {command} --{option}".replace("  ", " ") for option in options if not documented(man, option)]
    check(not missing, "options missing from man/kosh.1:\n  " + "\n  ".join(missing))


def test_every_subcommand_has_an_entry():
    lines = man_text().splitlines()
    with Workspace() as ws:
        commands = subcommands(ws.kosh("--help", expect=0).stdout)
    check(commands, "no subcommands found in kosh --help")
    entries = []
    for i, line in enumerate(lines):
        if line.startswith(".SS"):
            entries.append(line)
        elif line.startswith(".TP") and i + 1 < len(lines):
            entries.append(lines[i + 1])
    missing = [c for c in commands if not any(re.search(r"\b" + re.escape(c) + r"\b", e) for e in entries)]
    check(not missing, f"subcommands without a .SS or .TP entry in man/kosh.1: {missing}")


def installed_files():
    """What `cmake --install` copies, as source paths: the files of each install(FILES ...) rule."""
    with open(os.path.join(SOURCE_DIR, "CMakeLists.txt"), encoding="utf-8") as f:
        rules = re.findall(r"install\(FILES\s+([^)]*?)\s+DESTINATION", f.read())
    return {path for rule in rules for path in rule.split()}


def test_the_page_names_no_repository_file_that_is_not_installed():
    # The page is read where kosh is installed, without the source tree beside it: a path in it
    # that is a file of the repository (docs/..., bench/..., README.md) would lead nowhere.
    # Example paths (docs/notes/hydro.md) name no real file and are fine.
    lines = [line for line in man_text().splitlines() if not line.startswith('.\\"')]
    text = plain_text("\n".join(lines))
    installed = installed_files()
    check("man/kosh.1" in installed, f"no install(FILES man/kosh.1 ...) rule found: {installed}")
    named = set(re.findall(r"[\w.-]+(?:/[\w.-]+)+|\bREADME[\w.]*", text))
    # index/ (the shipped corpus's index, made by kosh.sh) and build folders are made on the user's
    # machine, not files of the repository.
    generated = ("index", "build")
    stray = sorted(path for path in named
                   if os.path.isfile(os.path.join(SOURCE_DIR, path)) and path not in installed
                   and not os.path.normpath(path).split(os.sep)[0].startswith(generated))
    check(not stray, f"man/kosh.1 names repository files that are not installed: {stray}")


if __name__ == "__main__":
    main([test_every_long_option_is_in_the_man_page, test_every_subcommand_has_an_entry,
          test_the_page_names_no_repository_file_that_is_not_installed])
