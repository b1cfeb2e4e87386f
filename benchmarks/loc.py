"""Lines of the library at two revisions: code, docstrings, comments and blank lines.

    .venv/bin/python benchmarks/loc.py c7a5115 HEAD

Code lines are the lines of statements (a docstring is not code, however long); the
figures come from the files as committed at each revision (``git show``), per module or
analysis subpackage, so the working tree is not read.
"""

from __future__ import annotations

import argparse
import ast
import io
import subprocess
import tokenize
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def count(source: str) -> dict[str, int]:
    """Return the code, docstring, comment and blank lines of one Python file."""
    lines = source.splitlines()
    doc: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                doc.update(range(body[0].lineno, body[0].end_lineno + 1))
    comment: set[int] = set()
    code: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            comment.add(tok.start[0])
        elif tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                              tokenize.ENDMARKER):  # fmt: skip
            code.update(range(tok.start[0], tok.end[0] + 1))
    code -= doc
    blank = sum(1 for i, line in enumerate(lines, 1) if not line.strip())
    return {
        "code": len(code),
        "docstring": len(doc),
        "comment": len(comment - code - doc),
        "blank": blank,
        "total": len(lines),
    }


def at(revision: str) -> dict[str, dict[str, int]]:
    """Return the counts per module (an analysis subpackage counts as one) at ``revision``."""
    files = [f for f in _git("ls-tree", "-r", "--name-only", revision, "lib/framelens").split()
             if f.endswith(".py")]  # fmt: skip
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in files:
        parts = Path(f).parts[2:]
        unit = parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")
        for k, v in count(_git("show", f"{revision}:{f}")).items():
            out[unit][k] += v
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before")
    p.add_argument("after", nargs="?", default="HEAD")
    args = p.parse_args(argv)
    a, b = at(args.before), at(args.after)
    head = ("module", "code before", "code after", "total before", "total after")
    print(f"{head[0]:<16} {head[1]:>12} {head[2]:>11} {head[3]:>13} {head[4]:>12}")
    for unit in sorted(set(a) | set(b)):
        ca, cb = a.get(unit, {}), b.get(unit, {})
        print(f"{unit:<16} {ca.get('code', 0):>12} {cb.get('code', 0):>11} "
              f"{ca.get('total', 0):>13} {cb.get('total', 0):>12}")  # fmt: skip
    for name, rev in (("before", a), ("after", b)):
        sums = defaultdict(int)
        for c in rev.values():
            for k, v in c.items():
                sums[k] += v
        print(f"{name} ({args.before if name == 'before' else args.after}): "
              + ", ".join(f"{k} {v}" for k, v in sums.items()))  # fmt: skip


if __name__ == "__main__":
    main()
