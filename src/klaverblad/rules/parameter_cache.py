"""A cache of the parameter tree, so that a new process does not parse every YAML file again.

Parsing the ~200 parameter files is most of building the rules: 30-60 ms of a cold
`klaverblad plan` of about 0.5 s on the 2-core machine of issue #12, where hashing the files and
reading the tree back from a pickle take about 8 ms (`cached_parameters`, including the first
`importlib.metadata` look-up, which the rules version would make anyway). It is kept only
because it is safe:

- the key is a digest of the contents and paths of every file in the parameter folders, of the
  module that builds the tree, and of the Python and OpenFisca versions: a changed file is a new
  key, never a stale tree;
- the file is in the user's cache folder (`$XDG_CACHE_HOME/klaverblad`, or the folder
  `KLAVERBLAD_CACHE_DIR` names; set empty, it turns the cache off), created readable by the user
  only, and read only when owned by the user and writable by no one else, since loading a
  pickle can run code;
- anything wrong (no such file, no permission, a broken or foreign file) means the tree is read
  from the YAML files as without the cache, and written back for the next process if possible.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path

from openfisca_core.parameters import ParameterNode

CACHE_VARIABLE = "KLAVERBLAD_CACHE_DIR"
# Older trees are removed when a new one is written (other checkouts or versions of the rules).
KEPT_FILES = 8


def cache_directory() -> Path | None:
    """Where the trees are kept, or None when the cache is off."""
    named = os.environ.get(CACHE_VARIABLE)
    if named is not None:
        return Path(named) if named else None
    base = Path(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"))
    # No home folder (a service account without one): no cache, rather than a relative folder.
    return base / "klaverblad" if base.is_absolute() else None


def parameters_key(folders: Sequence[tuple[str, Path]], builder_module: str) -> str:
    """The digest of everything the tree is built from (see the module docstring): each folder
    under the name of its node."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{version('openfisca-core')}\0".encode())
    digest.update(Path(builder_module).read_bytes())
    for name, folder in folders:
        digest.update(f"\0folder\0{name}\0{folder}\0".encode())
        for root, directories, files in os.walk(folder):
            directories.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                with open(path, "rb") as file:
                    content = file.read()
                digest.update(f"\0file\0{path}\0{len(content)}\0".encode())
                digest.update(content)
    return digest.hexdigest()


def _read(path: Path) -> ParameterNode | None:
    getuid = getattr(os, "geteuid", None)
    if getuid is None:  # no owners to check (Windows): no cache
        return None
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if status.st_uid != getuid() or status.st_mode & 0o022:
                return None
            tree = pickle.load(file)
    except Exception:  # any failure: a missing or broken cache is read from the YAML files
        return None
    return tree if isinstance(tree, ParameterNode) else None


def _write(directory: Path, path: Path, tree: ParameterNode) -> None:
    temporary = None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as file:
            pickle.dump(tree, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        trees = sorted(directory.glob("parameters-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in trees[:-KEPT_FILES]:
            old.unlink(missing_ok=True)
    except Exception:  # the cache is only a speed-up: never fail a plan for it
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def cached_parameters(
    folders: Sequence[tuple[str, Path]], build: Callable[[], ParameterNode], builder_module: str
) -> ParameterNode:
    """The tree `build()` reads from `folders`, from the cache when it holds it; `builder_module`
    is the source file of `build` (part of the key)."""
    directory = cache_directory()
    if directory is None:
        return build()
    try:
        key = parameters_key(folders, builder_module)
    except OSError:
        return build()
    path = directory / f"parameters-{key[:32]}.pickle"
    tree = _read(path)
    if tree is None:
        tree = build()
        _write(directory, path, tree)
    return tree
