"""The page loads exactly the Python it needs, and the core stays pure."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PY = ROOT / "app" / "py"
CORE = PY / "secket" / "core"
#: Runs under CPython only (the `cryptography` port, the terminal peer over aiortc); never
#: shipped to the page.
CPYTHON_ONLY = {"secket/cpython.py"} | {
    str(p.relative_to(PY)) for p in (PY / "secket" / "terminal").rglob("*.py")
}


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


def test_no_page_module_imports_the_terminal_peer() -> None:
    for target in listed_files().values():
        path = PY / target.removeprefix("./")
        if not path.is_file():
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                name = node.module if node.level == 0 else "secket." + node.module
                assert not name.startswith("secket.terminal"), target


def _runs_at_import(tree: ast.Module) -> list[ast.AST]:
    """The nodes a module runs when it is imported: not the bodies of its functions."""
    found: list[ast.AST] = []
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            found.extend([*node.decorator_list, *node.args.defaults, *node.args.kw_defaults])
            continue
        found.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return [node for node in found if node is not None]


def test_no_page_module_touches_javascript_when_imported() -> None:
    # Deriving the runtime imports them under Node (server/secket_server/stdlib_trim.py, to
    # trace what they import): a JS object read at import would be Node's, or fail there.
    for target in listed_files().values():
        path = PY / target.removeprefix("./")
        if not path.is_file():
            continue  # qrcodegen, from its package
        for node in _runs_at_import(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert node.value.id != "js", f"{target} reads js.{node.attr} at import"
            if isinstance(node, ast.ImportFrom):
                assert node.module != "js", f"{target} imports names from js"


def test_the_page_never_uses_pythons_random_module() -> None:
    # Its generator is not one for keys and nonces: the page's randomness comes from
    # crypto.getRandomValues.
    for path in (PY / "secket").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                assert "random" not in [alias.name for alias in node.names], path
            elif isinstance(node, ast.ImportFrom):
                assert node.module != "random", path
