"""Every public function of the library documents its Parameters and what it Returns."""

from __future__ import annotations

import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[2] / "lib" / "framelens"


def _public_functions():
    for path in sorted(LIB.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                yield path, node.name, node
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                for sub in node.body:
                    if isinstance(sub, ast.FunctionDef) and not sub.name.startswith("_"):
                        yield path, f"{node.name}.{sub.name}", sub


def _missing(fn: ast.FunctionDef) -> list[str]:
    doc = ast.get_docstring(fn) or ""
    args = [a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs]
    args = [a for a in args if a not in ("self", "cls")]
    if fn.args.vararg or fn.args.kwarg:
        args.append("*")
    returns_none = isinstance(fn.returns, ast.Constant) and fn.returns.value is None
    decorators = {getattr(d, "id", getattr(d, "attr", "")) for d in fn.decorator_list}
    missing = []
    if args and "Parameters\n" not in doc:
        missing.append("Parameters")
    if not returns_none and not decorators & {"property", "cached_property", "contextmanager"}:
        if "Returns\n" not in doc and "Yields\n" not in doc:
            missing.append("Returns")
    return missing


def test_every_public_function_documents_parameters_and_returns():
    gaps = [
        f"{path.relative_to(LIB.parent)}:{fn.lineno} {name}: {' and '.join(miss)}"
        for path, name, fn in _public_functions()
        if (miss := _missing(fn))
    ]
    assert not gaps, f"{len(gaps)} public function(s) lack sections:\n" + "\n".join(gaps)


def test_no_source_file_holds_a_control_character():
    # a backspace (\x08) written where a regular expression meant \b silently disabled a
    # rule for a year: nothing but tab, newline and carriage return belongs in a source
    root = LIB.parents[1]
    bad = []
    for folder in ("lib", "tests", "benchmarks", "notebooks"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in {".py", ".ipynb", ".yaml", ".md", ".txt", ".toml"}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            hits = [i for i, ch in enumerate(text) if ord(ch) < 32 and ch not in "\t\n\r"]
            if hits:
                line = text.count("\n", 0, hits[0]) + 1
                bad.append(f"{path.relative_to(root)}:{line}")
    assert not bad, "control characters in: " + ", ".join(bad)
