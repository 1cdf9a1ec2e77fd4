"""The standard library the page can import, as bytecode: found and compiled in Pyodide.

``runtime.mjs`` runs this module inside the pinned Pyodide under Node, so the bytecode it
compiles carries that Python's own magic number, and calls ``derive(spec)``. Which modules
the trimmed library holds:

- every module Pyodide's own start imports, and every module the page's Python files
  (pyscript.toml's ``[files]``) and PyScript's own Python package import when they are
  imported there (``sys.modules`` afterwards);
- every module those files name in an import statement anywhere, inside functions too
  (imports done only on an error path or on a later click);
- the modules of ``spec["lazy"]``, which no import statement names (codecs found by name,
  what an error report needs: ``runtime.LAZY_MODULES`` says why each is there);
- and, transitively, every module all of those import at module level, so that importing
  any of them works (``if __name__ == "__main__"`` and ``if TYPE_CHECKING`` blocks aside),
  less those that cannot be imported in Pyodide at all (Windows-only modules).

The library is a zip of sourceless ``.pyc`` files (``optimize=2``: no docstrings, no
asserts), stored uncompressed so that brotli on the wire compresses it as a whole. Beside
them, under ``PYCACHE/``, it carries hash-checked ``.pyc`` files of the page's own Python
and of PyScript's package, compiled with ``optimize=0`` from the very text PyScript writes:
the page puts them in ``__pycache__`` beside those files (``INDEX`` lists where), and Python
uses one only while the source beside it has the hash it was compiled from.

The scanning functions are pure and run under CPython too (tests/server/test_runtime.py).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: Where the bytecode of the page's own files is kept inside the zip (not importable), with
#: ``INDEX``, the list of the paths it goes to.
PYCACHE = "secket-pycache"
INDEX = PYCACHE + "/index.json"
#: Date of every zip member, so the same input gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

Sources = dict[str, tuple[str, bool]]  # module -> (zip member, is a package)


def module_sources(names: Iterable[str]) -> Sources:
    """The modules a zip's ``.py`` members are imported as."""
    found: Sources = {}
    for name in names:
        if not name.endswith(".py") or "-" in name:
            continue
        module = name[:-3].replace("/", ".")
        package = module == "__init__" or module.endswith(".__init__")
        if package:
            module = module.removesuffix("__init__").rstrip(".")
        if module:
            found[module] = (name, package)
    return found


def _skipped(node: ast.AST) -> bool:
    """An ``if TYPE_CHECKING:`` or ``if __name__ == "__main__":`` block."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    if isinstance(test, ast.Name | ast.Attribute):
        return (test.id if isinstance(test, ast.Name) else test.attr) == "TYPE_CHECKING"
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


def _walk(tree: ast.AST, lazy: bool) -> Iterator[ast.AST]:
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if _skipped(node):
            assert isinstance(node, ast.If)
            stack.extend(node.orelse)
            continue
        yield node
        if not lazy and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_named(source: str | bytes, module: str, package: bool, *, lazy: bool) -> set[str]:
    """Every module an import statement of ``module`` names (``from a import b`` names
    ``a`` and ``a.b``, which may be a submodule); inside functions too when ``lazy``."""
    found: set[str] = set()
    for node in _walk(ast.parse(source), lazy):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = module.split(".") if package else module.split(".")[:-1]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.add(base)
            prefix = f"{base}." if base else ""
            found.update(prefix + alias.name for alias in node.names if alias.name != "*")
    return {name for name in found if name}


def closure(roots: Iterable[str], sources: Sources, read: Callable[[str], bytes]) -> set[str]:
    """``roots`` that are in ``sources`` and all they import at module level, their parent
    packages included."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in seen or module not in sources:
            continue
        seen.add(module)
        parts = module.split(".")
        todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))
        member, package = sources[module]
        todo.extend(imports_named(read(member), module, package, lazy=False))
    return seen


# Inside Pyodide ---------------------------------------------------------------------------
def _importable(modules: Iterable[str]) -> set[str]:
    import importlib

    found = set()
    for name in sorted(modules):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        found.add(name)
    return found


def _pyc(code: Any) -> bytes:
    """A sourceless ``.pyc``: magic number, flags 0, no source timestamp or size."""
    import importlib.util
    import marshal

    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)


def _checked_pyc(source: bytes, path: str) -> bytes:
    """A hash-checked ``.pyc`` of ``source`` (PEP 552): used only while the source matches."""
    import importlib.util
    import marshal

    code = compile(source, path, "exec", dont_inherit=True, optimize=0)
    digest = importlib.util.source_hash(source)
    flags = (0b11).to_bytes(4, "little")
    return importlib.util.MAGIC_NUMBER + flags + digest + marshal.dumps(code)


def derive(spec: dict[str, Any]) -> str:
    """Write the trimmed library to ``spec["out"]``; return a JSON report of it.

    ``spec``: ``stdlib`` (the zip Pyodide started from), ``out``, ``files`` (absolute
    path in the page's file system -> the text written there, for the page's files and
    PyScript's package), ``modules`` (what the page imports at start), ``lazy``.
    """
    import importlib
    import importlib.util
    import os
    import sys
    import zipfile

    for name in spec["modules"]:
        importlib.import_module(name)
    imported = set(sys.modules)
    files: dict[str, str] = spec["files"]
    stdlib = zipfile.ZipFile(spec["stdlib"])
    sources = module_sources(stdlib.namelist())
    named: set[str] = set()
    for path, text in files.items():
        relative = os.path.relpath(path, os.getcwd())
        for module, (_, package) in module_sources([relative]).items():
            named |= imports_named(text, module, package, lazy=True)
    wanted = closure(imported | named | set(spec["lazy"]), sources, stdlib.read)
    importable = _importable(wanted)
    # Frozen into the interpreter: Python never reads them from the library.
    frozen = {m for m in importable if getattr(sys.modules[m].__spec__, "origin", "") == "frozen"}
    kept = importable - frozen
    pycache: list[str] = []
    with zipfile.ZipFile(spec["out"], "w", zipfile.ZIP_STORED) as out:
        for module in sorted(kept):
            member, _ = sources[module]
            path = f"{spec['stdlib']}/{member}"
            code = compile(stdlib.read(member), path, "exec", dont_inherit=True, optimize=2)
            out.writestr(zipfile.ZipInfo(member[:-3] + ".pyc", ZIP_DATE), _pyc(code))
        for path in sorted(files):
            cached = importlib.util.cache_from_source(path, optimization="")
            data = _checked_pyc(files[path].encode("utf-8"), path)
            out.writestr(zipfile.ZipInfo(PYCACHE + cached, ZIP_DATE), data)
            pycache.append(cached)
        out.writestr(zipfile.ZipInfo(INDEX, ZIP_DATE), json.dumps(pycache))
    return json.dumps(
        {
            "modules": sorted(kept),
            "frozen": sorted(frozen),
            "left_out": sorted(wanted - importable),
            "bytecode": sorted(files),
            "pycache": pycache,
            "python": sys.version.split()[0],
        }
    )
