"""One `tsc --strict` run over many SDK trees and the TypeScript examples in their docs, emitting
the JavaScript the node tests run (one compilation per tree per session, never two).

Each tree's package name maps to its own `src/` (so `import ... from "atoma-sdk/models/operations"`
in a docs example resolves to the tree beside it); zod resolves to the toolchain in ts/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from tests.typescript.support import NODE_MODULES, TSC, node

FENCE = re.compile(r"^```typescript\n(.*?)^```$", re.S | re.M)


def extract_examples(tree: Path, dest: Path) -> list[Path]:
    """Every ```typescript block of the tree's Markdown, one module file each."""
    out = []
    pages = sorted([*tree.glob("*.md"), *tree.glob("docs/**/*.md")])
    for page in pages:
        for i, block in enumerate(FENCE.findall(page.read_text(encoding="utf-8"))):
            stem = re.sub(r"[^a-z0-9]+", "_", str(page.relative_to(tree)).lower())
            path = dest / f"{stem}_{i}.ts"
            # `export {}` keeps a block without imports a module (its `value` stays its own).
            path.write_text(f"{block}\nexport {{}};\n", encoding="utf-8")
            out.append(path)
    return out


def share_runtime(trees: dict[str, Path]) -> int:
    """Check the runtime once: in every tree but the first, a `src/lib/` module byte-identical
    to the first tree's becomes `export * from` that copy (tests/typescript/test_ts_golden.py
    proves every tree ships the same runtime). The trees' own code is still checked, against the
    same declarations, and the emitted JavaScript runs the shared copy. Gives how many were shared."""
    owner, *others = trees.values()
    shared = 0
    for tree in others:
        for module in sorted((tree / "src" / "lib").glob("*.ts")):
            original = owner / "src" / "lib" / module.name
            if original.is_file() and original.read_bytes() == module.read_bytes():
                target = os.path.relpath(original.with_suffix(".js"), module.parent)
                module.write_text(f'export * from "{target}";\n', encoding="utf-8")
                shared += 1
    return shared


def typecheck(trees: dict[str, Path], work: Path) -> subprocess.CompletedProcess[str]:
    """Type-check the trees (package name -> folder under `work`) and their docs examples in one
    program; emit JavaScript into `work/dist/` (same layout as `work/`)."""
    examples = work / "examples"
    share_runtime(trees)
    files: list[str] = []
    paths: dict[str, list[str]] = {"zod": [str(NODE_MODULES / "zod" / "index.d.ts")]}
    for package, tree in trees.items():
        folder = examples / re.sub(r"[^a-z0-9]+", "_", package)
        folder.mkdir(parents=True)
        files += [str(p) for p in extract_examples(tree, folder)]
        files += [str(p) for p in sorted((tree / "src").rglob("*.ts"))]
        paths[package] = [str(tree / "src" / "index.ts")]
        paths[f"{package}/*"] = [str(tree / "src" / "*" / "index.ts")]
    (examples / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    config = {
        "compilerOptions": {
            "target": "ES2022",
            "lib": ["ES2022", "DOM", "DOM.Iterable"],
            "module": "NodeNext",
            "moduleResolution": "NodeNext",
            "strict": True,
            "noUncheckedIndexedAccess": True,
            "noImplicitOverride": True,
            "skipLibCheck": True,
            "isolatedModules": True,
            "rootDir": str(work),
            "outDir": str(work / "dist"),
            "types": ["node"],
            "typeRoots": [str(NODE_MODULES / "@types")],
            "paths": paths,
        },
        "files": files,
    }
    tsconfig = work / "tsconfig.json"
    tsconfig.write_text(json.dumps(config, indent=2), encoding="utf-8")
    (work / "dist").mkdir(exist_ok=True)
    (work / "dist" / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    return subprocess.run(
        [node(), str(TSC), "-p", str(tsconfig), "--pretty", "false"],
        capture_output=True,
        text=True,
        timeout=900,
    )
