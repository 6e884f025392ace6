#!/usr/bin/env python3
"""The layering check: each top-level module of the Rust crate may use only the modules below
it, and only src/python/ may know Python (pyo3). Fails, listing each upward or Python
reference, otherwise prints the layers.

    error < dtype < buffer < kernels < loops < array < dispatch < ops < random < io < python
"""

import pathlib
import re
import sys

LAYERS = ["error", "dtype", "buffer", "kernels", "loops", "array", "dispatch", "ops", "random",
          "io", "python"]
# crate-root items that belong to a layer (macros exported at the root)
ROOT_ITEMS = {"bail": "error", "ensure": "error", "with_scalar_type": "dtype", "Result": "error",
              "Error": "error"}

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"
REF = re.compile(r"\bcrate::([A-Za-z_][A-Za-z0-9_]*)")
PY = re.compile(r"\b(pyo3|Python<|PyResult|PyErr)\b")


def code_lines(text):
    """Lines without // comments (doc comments may name other layers)."""
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line.split("//", 1)[0]


def main():
    problems = []
    for path in sorted(SRC.rglob("*.rs")):
        rel = path.relative_to(SRC)
        layer = rel.parts[0].removesuffix(".rs")
        if layer not in LAYERS:
            continue  # lib.rs: the crate root wires the layers together
        rank = LAYERS.index(layer)
        for n, line in code_lines(path.read_text()):
            for m in REF.finditer(line):
                target = ROOT_ITEMS.get(m.group(1), m.group(1))
                if target in LAYERS and LAYERS.index(target) > rank:
                    problems.append(f"{rel}:{n}: {layer} uses crate::{m.group(1)} (a higher layer)")
            if layer != "python" and PY.search(line):
                problems.append(f"{rel}:{n}: {layer} knows Python ({PY.search(line).group(1)})")
    if problems:
        print("layering check failed:\n" + "\n".join(problems))
        return 1
    print("layering: " + " < ".join(LAYERS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
