"""The `sdkgen` command: `generate` and `check`, exit codes 0 / 1 (drift) / 2 (bad input)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator import emit, heap, remembered, tree_record
from generator.config import Settings, load_settings, validate_class_name
from generator.errors import SdkgenError
from generator.targets import get_target

if TYPE_CHECKING:
    from generator.ir import Api


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sdkgen", description="OpenAPI -> typed Python SDK")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("generate", "write the SDK into --out"),
        ("check", "exit 1 if --out differs from what SPEC produces"),
    ):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("spec", nargs="?", type=Path, help="OpenAPI 3.0/3.1 YAML or JSON file")
        cmd.add_argument("--out", type=Path, help="output folder")
        cmd.add_argument("--package", help="package name of the SDK (a Python import name by default)")
        cmd.add_argument("--sdk-class", help="SDK client class name")
        cmd.add_argument("--templates", type=Path, help="folder of templates that override ours")
        cmd.add_argument("--target", help="output language (default: python)")
        cmd.add_argument(
            "--overlay",
            dest="overlays",
            action="append",
            type=Path,
            help="OpenAPI Overlay file applied before generating (repeatable, in order; "
            "replaces [tool.sdkgen] overlays)",
        )
        cmd.add_argument("--quiet", "-q", action="store_true", help="print errors only")
        if name == "generate":
            cmd.add_argument(
                "--force", action="store_true", help="take over existing files sdkgen did not write"
            )
            cmd.add_argument(
                "--bump",
                action="store_true",
                help="bump the SDK version by the API diff against the last --bump "
                "(DIR/.sdkgen-surface.json) and prepend the changes to DIR/CHANGELOG.md",
            )
    _diff_parser(sub)
    _mock_parser(sub)
    return parser


def _mock_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "serve every operation of SPEC with example answers, checking each request against it"
    cmd = sub.add_parser("mock", help=text, description=text)
    cmd.add_argument("spec", nargs="?", type=Path, help="OpenAPI 3.0/3.1 YAML or JSON file")
    cmd.add_argument("--port", type=int, default=4010, help="port to listen on (default 4010; 0: any free)")
    cmd.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    cmd.add_argument(
        "--overlay", dest="overlays", action="append", type=Path, help="OpenAPI Overlay applied first"
    )


def _diff_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "compare the Python SDK's public API for two specs; exit 1 on changes at --fail-on"
    cmd = sub.add_parser("diff", help=text, description=text)
    cmd.add_argument(
        "old", help="the old spec: a file, or git:REV:path (e.g. git:origin/main:spec/openapi.yaml)"
    )
    cmd.add_argument("new", help="the new spec: a file, or git:REV:path")
    cmd.add_argument("--package", help="Python package name of the SDK")
    cmd.add_argument("--sdk-class", help="SDK client class name")
    cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    cmd.add_argument(
        "--fail-on",
        choices=("breaking", "minor", "any"),
        default="breaking",
        help="exit 1 when a change at this level or above is found (default: breaking)",
    )


def settings_from(args: argparse.Namespace, root: Path) -> Settings:
    """Merge `[tool.sdkgen]` with command-line flags (flags win)."""
    settings = load_settings(root, getattr(args, "target", None))
    for key in ("spec", "out", "package", "sdk_class", "templates", "target"):
        value = getattr(args, key, None)
        if value is not None:
            settings = replace(settings, **{key: value})
    if getattr(args, "overlays", None):
        settings = replace(settings, overlays=tuple(args.overlays))
    # What a valid package name is depends on the language (`atoma_sdk`, `atoma-sdk`).
    get_target(settings.target).check_package(settings.package)
    validate_class_name(settings.client_class)
    if settings.templates is not None and not settings.templates.is_dir():
        raise SdkgenError(f"--templates {settings.templates}: not a folder")
    return settings


def render_for(settings: Settings, bump: bool = False) -> tuple[dict[str, str], tuple[str, ...]]:
    """Load, build and render: the whole in-memory pipeline (with the version `--bump` keeps)."""
    files, notes, _inputs = _render(settings, bump)
    return files, notes


def _render(settings: Settings, bump: bool) -> tuple[dict[str, str], tuple[str, ...], list[Path]]:
    """`render_for`, plus every file the load read (the spec, its `$ref` files, the overlays)."""
    from generator.build import build_api
    from generator.diff import bump as versioning
    from generator.load import load_spec

    target = get_target(settings.target, settings.templates)
    with heap.built_in_bulk() as built:
        spec = load_spec(settings.spec, settings.overlays, settings.operation_names)
        api = build_api(spec, settings)
        built()
        rendered = target.render(api)
    current = None
    if bump:
        from generator.diff.surface import surface

        current = surface(api)
    files = versioning.apply(rendered.files, current, settings.out)
    missing = _target_gaps(target, spec.main_file, api)
    inputs = [spec.root_dir / name for name in spec.documents] + list(settings.overlays)
    return files, (*spec.notes, *api.notes, *missing, *rendered.warnings), inputs


def _target_gaps(target: object, main_file: str, api: Api) -> tuple[str, ...]:
    """Notes for what the spec asks that this target does not do yet (by JSON pointer): its
    webhooks, x-speakeasy-retries policies (its client's retries apply), lists that page."""
    name = getattr(target, "name", "")
    found: list[str] = []
    if api.webhooks and not getattr(target, "renders_webhooks", False):
        found.append(f"{main_file}#/webhooks: webhooks are not generated for {name}")
    if not getattr(target, "applies_retry_policies", False):
        told = f"x-speakeasy-retries is not applied by the {name} target; the client's retries apply"
        found += [f"{main_file}#/x-speakeasy-retries: {told}"] if api.retries else []
        found += [f"{op.loc}/x-speakeasy-retries: {told}" for op in api.operations if op.retries]
    if not getattr(target, "pages_lists", False):
        told = f"the list pages, but the {name} target returns one page (the caller fetches the next)"
        found += [f"{op.loc}: {told}" for op in api.operations if op.pagination is not None]
    return tuple(found)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    args = _parser().parse_args(argv)
    try:
        settings = settings_from(args, Path.cwd())
        if args.command == "diff":
            return _diff(args, settings)
        if args.command == "mock":
            return _mock(settings, args.host, args.port)
        start = time.perf_counter()
        bump = getattr(args, "bump", False)
        # `--bump` keeps the version: the tree's snapshot is an input of the render then.
        managed = bump or (settings.out / emit.SNAPSHOT).exists()
        machinery = None if managed else _machinery()
        slot = None if machinery is None else remembered.slot(settings, machinery)
        portable = None if machinery is None else _portable_key(settings, machinery)
        entry = None if slot is None else _remembered(slot, settings.out)
        if entry is None and portable is not None:  # a fresh machine: the tree's own record
            entry = _recorded(portable, settings.out)
        elif entry is not None and portable is not None and args.command == "generate":
            # A tree rendered before its record existed (or one deleted) gets it now.
            if tree_record.lookup(settings.out, portable) is None:
                tree_record.write(settings.out, portable, settings.spec, list(entry.inputs), entry.notes)
        if entry is not None:  # the tree is what these inputs render to: nothing to do
            return _up_to_date(args, settings, entry, start)
        files, notes, inputs = _render(settings, bump)
        for note in notes if not args.quiet else ():
            print(f"sdkgen: note: {note}", file=sys.stderr)
        files = emit.with_manifest(files)
        if slot is not None:
            remembered.store(slot, settings.spec, inputs, emit.expected_hashes(files), notes)
        if args.command == "check":
            return _check(files, settings.out, args.quiet)
        changed = emit.generate(files, settings.out, force=args.force, manifested=True)
        if portable is not None:
            tree_record.write(settings.out, portable, settings.spec, inputs, notes)
        if not args.quiet:
            took = time.perf_counter() - start
            print(f"sdkgen: {len(files)} files in {settings.out}, {len(changed)} changed ({took:.2f}s)")
        return 0
    except SdkgenError as exc:
        print(f"sdkgen: error: {exc.one_line()}", file=sys.stderr)
        return 2
    except (RecursionError, MemoryError) as exc:
        print(f"sdkgen: error: spec too deeply nested or too large ({type(exc).__name__})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sdkgen: interrupted; the output folder was left as it was", file=sys.stderr)
        return 130


def _diff(args: argparse.Namespace, settings: Settings) -> int:
    from generator.diff.run import run

    outcome = run(args.old, args.new, settings, args.format, args.fail_on)
    sys.stdout.write(outcome.text)
    return outcome.exit_code


def _mock(settings: Settings, host: str, port: int) -> int:
    from generator import mock
    from generator.build import build_api
    from generator.load import load_spec

    api = build_api(load_spec(settings.spec, settings.overlays, settings.operation_names), settings)
    for note in mock.notes(api):
        print(f"sdkgen: note: {note}", file=sys.stderr)
    mock.serve(api, host, port, lambda url: print(f"sdkgen: mock of {api.title} on {url}", flush=True))
    return 0


def _remembered(slot: str, out: Path) -> remembered.Entry | None:
    """The remembered render of the same inputs (`generator/remembered.py`) when the tree holds
    exactly its files; None sends the command to the full render (which reports any drift)."""
    entry = remembered.lookup(slot)
    return entry if entry is not None and emit.matches(entry.expected, out) else None


def _portable_key(settings: Settings, machinery: remembered.Machinery) -> str | None:
    try:
        return remembered.key(settings, machinery, portable=True)
    except OSError:
        return None


def _recorded(key: str, out: Path) -> remembered.Entry | None:
    """What the tree's record (`generator/tree_record.py`) says these inputs render to, when
    the tree holds exactly that; None sends the command to the full render."""
    entry = tree_record.lookup(out, key)
    return entry if entry is not None and emit.matches(entry.expected, out) else None


def _up_to_date(args: argparse.Namespace, settings: Settings, entry: remembered.Entry, start: float) -> int:
    if args.quiet:
        return 0
    for note in entry.notes:
        print(f"sdkgen: note: {note}", file=sys.stderr)
    if args.command == "check":
        print(f"sdkgen: {settings.out} is up to date")
    else:
        took = time.perf_counter() - start
        print(f"sdkgen: {len(entry.expected)} files in {settings.out}, 0 changed ({took:.2f}s, remembered)")
    return 0


def _machinery() -> remembered.Machinery:
    """The tool versions and template folders every target's output depends on."""
    import importlib.metadata

    import jinja2
    import yaml

    from generator.targets.python.ruff import ruff_binary
    from generator.targets.templating import TEMPLATES

    portable = ""
    try:
        ruff = ruff_binary()
        st = os.stat(ruff)
        ruff_id = f"{ruff}:{st.st_size}:{st.st_mtime_ns}"
        version = importlib.metadata.version("ruff")  # the same build anywhere: version and size
        portable = (
            f"{yaml.__version__}|{yaml.__with_libyaml__}|{jinja2.__version__}|ruff {version}:{st.st_size}"
        )
    except (OSError, SdkgenError, importlib.metadata.PackageNotFoundError):
        ruff_id = "no ruff"
    tools = f"{yaml.__version__}|{jinja2.__version__}|{ruff_id}"
    return remembered.Machinery(tools, (TEMPLATES,), portable)


def _check(files: dict[str, str], out: Path, quiet: bool) -> int:
    report = emit.check(files, out, manifested=True)
    if report.clean:
        if not quiet:
            print(f"sdkgen: {out} is up to date")
        return 0
    for label, paths in (
        ("changed", report.changed),
        ("hand-edited", report.hand_edited),
        ("missing", report.missing),
        ("extra", report.extra),
    ):
        for path in paths:
            print(f"{label}: {out / path}")
    for diff in report.diffs:
        sys.stdout.write(diff if diff.endswith("\n") else diff + "\n")
    print(f"sdkgen: {out} is stale: run `sdkgen generate`", file=sys.stderr)
    return 1
