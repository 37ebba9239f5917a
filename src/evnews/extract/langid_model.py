"""py3langid's model, loaded from an uncompressed copy in the user's cache directory.

py3langid ships its model LZMA-compressed (4.5 MB) and decompresses all 68 MB
of it in every process that classifies a text: about 0.4 s of CPU per worker
and run, more than the language checks of a thousand pages. The first process
writes the decompressed model (the same npz file, so the same arrays) to
`$XDG_CACHE_HOME/evnews/` (default `~/.cache/evnews/`), named by py3langid's
version and the packaged file's size; later processes load it in about a
fifth of the time.

The copy is never required: a missing or unreadable copy is rebuilt, and if
the cache directory cannot be written, py3langid loads its own model as
before. Either way the identifier holds the same arrays and classifies
identically.
"""

from __future__ import annotations

import functools
import lzma
import os
import shutil
import tempfile
import zipfile
from importlib.metadata import version
from pathlib import Path

import numpy as np
import py3langid
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import _to_array

_REQUIRED = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# What a missing, truncated or overwritten copy (or an unwritable directory) raises.
_UNREADABLE = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, lzma.LZMAError)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evnews"


@functools.cache
def language_identifier() -> LanguageIdentifier:
    """The process's py3langid identifier (loaded once)."""
    return load_identifier(default_cache_dir())


def load_identifier(cache_dir: Path) -> LanguageIdentifier:
    """py3langid's identifier from the cached copy, (re)building the copy when needed."""
    packaged = MODEL_DIR / MODEL_FILE
    cached = cache_dir / f"py3langid-{version('py3langid')}-{packaged.stat().st_size}.npz"
    try:
        return _from_npz(cached)
    except _UNREADABLE:
        pass  # missing or damaged: write it again below
    try:
        _decompress(packaged, cached)
        return _from_npz(cached)
    except _UNREADABLE:
        return py3langid.langid._get_identifier()  # cannot cache here: py3langid's own slow load


def _from_npz(path: Path) -> LanguageIdentifier:
    """As py3langid.modelio.load_model and LanguageIdentifier.from_model_file, minus the LZMA step."""
    with np.load(path, allow_pickle=False) as data:
        missing = set(_REQUIRED).difference(data.files)
        if missing:
            raise ValueError(f"{path}: no {sorted(missing)}")
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )


def _decompress(packaged: Path, cached: Path) -> None:
    """Write the decompressed model next to its final name, then rename (readers never see half a file)."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cached.parent, prefix=cached.name, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, lzma.open(packaged) as source:
            shutil.copyfileobj(source, out, length=1 << 20)
        os.replace(temporary, cached)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
