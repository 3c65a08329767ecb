#!/usr/bin/env python3
"""Inputs for the whole-process figures in docs/performance.md.

  generate.py questions N DIR   DIR/qN.toml (N questions in 10 dimensions) and DIR/aN.toml
  generate.py flood DIR         DIR/a10m.toml: just under 10 MiB of unknown answer ids
  generate.py respondents N DIR N answers files of the bundled questionnaire, each
                                answer a random option (for cxm aggregate)
  generate.py shapes DIR CXM    DIR/shape-*.toml: eight shapes of TOML, each as large as
                                the binary CXM still parses (src/document.rs; found by
                                bisection), for peak memory
"""
import sys


def questions(n, out):
    q = 'format = 1\n[questionnaire]\nid = "big"\nversion = "1"\nlanguage = "en"\ntitle = "Big"\n'
    for level in range(1, 6):
        q += f'[[stages]]\nlevel = {level}\nid = "s{level}"\nname = "S{level}"\nsummary = "x"\n'
    for d in range(10):
        q += f'[[dimensions]]\nid = "d{d}"\nname = "D{d}"\n'
        for level in range(1, 5):
            q += f'[[actions]]\ndimension = "d{d}"\nstage = {level}\ntitle = "t"\ndetail = "x"\n'
    a = 'format = 1\nquestionnaire = "big"\nquestionnaire_version = "1"\n[answers]\n'
    for i in range(n):
        q += f'[[questions]]\nid = "q{i}"\ndimension = "d{i % 10}"\ntext = "?"\n'
        for level in range(1, 6):
            q += f'[[questions.options]]\nstage = {level}\ntext = "o{level}"\n'
        a += f"q{i} = {1 + i % 5}\n"
    open(f"{out}/q{n}.toml", "w").write(q)
    open(f"{out}/a{n}.toml", "w").write(a)


def flood(out):
    text = 'format = 1\nquestionnaire = "cx-maturity"\nquestionnaire_version = "2.0.0"\n[answers]\n'
    i = 0
    parts = [text]
    size = len(text)
    while size < 10 * 1024 * 1024 - 100:
        line = f"q{i:07d} = 2\n"
        parts.append(line)
        size += len(line)
        i += 1
    open(f"{out}/a10m.toml", "w").write("".join(parts))


# Eight shapes of TOML; `shapes` finds, by bisection against `cxm score`, the most
# entries of each that the parse estimate still lets through. Peak memory of
# `cxm score FILE` on each is the figure.
HEAD = 'format = 1\nquestionnaire = "cx-maturity"\nquestionnaire_version = "2.0.0"\n'
SHAPES = {
    "answers": lambda n: "[answers]\n" + "".join(f"q{i:07d} = 2\n" for i in range(n)),
    "notes": lambda n: "[answers]\n" + "".join(f"q{i:07d} = 2\n" for i in range(n))
    + "[notes]\n" + "".join(f'q{i:07d} = "n"\n' for i in range(n)),
    "deepdot": lambda n: "".join(f"a{i}.b.c.d.e.f.g.h = 1\n" for i in range(n)),
    "aotkv": lambda n: "[[a]]\nb=1\n" * n,
    "emptykv": lambda n: "".join(f'a{i}=""\n' for i in range(n)),
    # Unknown top-level keys: the shape check walks and reports every one.
    "topdates": lambda n: "".join(f"a{i}=1979-05-27\n" for i in range(n)),
    "inlkv": lambda n: "x = [" + ",".join(["{a=1}"] * n) + "]\n",
    "arr": lambda n: "x = [" + ",".join(["1"] * n) + "]\n",
}


def parses(cxm, path):
    """Whether `cxm score` gets past the size checks (any other error is fine)."""
    import subprocess

    run = subprocess.run([cxm, "score", path], capture_output=True, text=True)
    return "too many entries" not in run.stderr and "larger than 10 MiB" not in run.stderr


def shapes(out, cxm):
    for name, text in SHAPES.items():
        path = f"{out}/shape-{name}.toml"
        low, high = 1, 2
        while True:
            open(path, "w").write(HEAD + text(high))
            if not parses(cxm, path):
                break
            low, high = high, high * 2
        while high - low > max(1, low // 1000):
            mid = (low + high) // 2
            open(path, "w").write(HEAD + text(mid))
            low, high = (mid, high) if parses(cxm, path) else (low, mid)
        open(path, "w").write(HEAD + text(low))
        print(f"{path}: {low} entries")


def respondents(n, out):
    import random
    import tomllib

    with open("questionnaires/cx-maturity.en.toml", "rb") as f:
        q = tomllib.load(f)
    version = q["questionnaire"]["version"]
    random.seed(7)
    for i in range(n):
        lines = [
            "format = 1",
            'questionnaire = "cx-maturity"',
            f'questionnaire_version = "{version}"',
            f'respondent = "Respondent {i}"',
            "[answers]",
        ]
        for question in q["questions"]:
            lines.append(f"{question['id']} = {random.choice(question['options'])['stage']}")
        open(f"{out}/r{i:05d}.toml", "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["questions"] and len(sys.argv) == 4:
        questions(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["flood"] and len(sys.argv) == 3:
        flood(sys.argv[2])
    elif sys.argv[1:2] == ["respondents"] and len(sys.argv) == 4:
        respondents(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["shapes"] and len(sys.argv) == 4:
        shapes(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
