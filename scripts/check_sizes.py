"""Size rules the linters do not have: no module in jobmatch/ or search/ over 400 lines, no function over 60 lines outside migrations."""
import ast
import pathlib
import sys

MODULE_LIMIT = 400
FUNCTION_LIMIT = 60
ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ("jobmatch", "search", "tests", "bench", "scripts")


def oversized(root=ROOT):
    """Every module and function that breaks a limit, as lines of 'path:line: what'."""
    found = []
    for top in SOURCES:
        for path in sorted((root / top).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            name = path.relative_to(root)
            lines = source.count("\n")
            if top in ("jobmatch", "search") and lines > MODULE_LIMIT:
                found.append(f"{name}:1: module of {lines} lines (limit {MODULE_LIMIT})")
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = node.end_lineno - node.lineno + 1
                    if length > FUNCTION_LIMIT:
                        found.append(f"{name}:{node.lineno}: function {node.name} of {length} lines (limit {FUNCTION_LIMIT})")
    return found


if __name__ == "__main__":
    problems = oversized()
    print("\n".join(problems) or "sizes: every module and function within its limit")
    sys.exit(1 if problems else 0)
