"""The page loads exactly the Python it needs, and the core stays pure."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PY = ROOT / "app" / "py"
CORE = PY / "secket" / "core"
#: Runs under CPython only (it wraps the `cryptography` package); never shipped to the page.
CPYTHON_ONLY = {"secket/cpython.py"}


def listed_files() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyscript.toml").read_text())
    return dict(config["files"])


def test_pyscript_toml_lists_every_browser_module_and_nothing_else() -> None:
    on_disk = {
        str(p.relative_to(PY))
        for p in (PY / "secket").rglob("*.py")
        if "__pycache__" not in p.parts
    } - CPYTHON_ONLY
    listed = {target.removeprefix("./") for target in listed_files().values()}
    assert listed - {"qrcodegen.py"} == on_disk


def test_each_listed_url_serves_the_file_it_names() -> None:
    for url, target in listed_files().items():
        if target == "./qrcodegen.py":
            assert url == "/vendor/py/qrcodegen.py"
        else:
            assert url == "/py/" + target.removeprefix("./")


def test_the_core_imports_nothing_from_the_browser_or_cpython() -> None:
    forbidden = {"js", "pyodide", "pyscript", "cryptography", "secket.browser", "secket.cpython"}
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert not any(name == f or name.startswith(f + ".") for f in forbidden), (
                    f"{path.name} imports {name}"
                )
