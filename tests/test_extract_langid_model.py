"""The cached py3langid model: same identifier as py3langid's own, and never required."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import LanguageIdentifier

from evnews.extract.langid_model import load_identifier

TEXTS = [
    "Nissan will launch 19 electric models by fiscal 2030, the company said on Monday.",
    "Der Hersteller will bis 2030 deutlich mehr Elektroautos verkaufen und baut dafür neue Werke.",
    "Le constructeur prévoit de lancer dix-neuf modèles électriques d'ici 2030.",
    "日産は2030年度までに19車種の電動車を投入すると発表した。",
    "Nissan planea lanzar 19 modelos eléctricos antes de 2030.",
    "",
]


@pytest.fixture(scope="module")
def packaged() -> LanguageIdentifier:
    return py3langid.langid._get_identifier()


def same_identifier(ours: LanguageIdentifier, theirs: LanguageIdentifier) -> None:
    assert np.array_equal(ours.nb_ptc, theirs.nb_ptc) and ours.nb_ptc.dtype == theirs.nb_ptc.dtype
    assert np.array_equal(ours.nb_pc, theirs.nb_pc)
    assert ours.nb_classes == theirs.nb_classes
    assert ours.tk_nextmove == theirs.tk_nextmove and ours.tk_row == theirs.tk_row
    assert ours.tk_output == theirs.tk_output
    for text in TEXTS:
        assert ours.classify(text) == theirs.classify(text)


def cached_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("py3langid-*.npz"))


def test_missing_copy_is_built_then_used(tmp_path: Path, packaged: LanguageIdentifier) -> None:
    same_identifier(load_identifier(tmp_path / "cache"), packaged)
    [copy] = cached_files(tmp_path / "cache")
    written = copy.stat().st_mtime_ns
    same_identifier(load_identifier(tmp_path / "cache"), packaged)
    assert copy.stat().st_mtime_ns == written  # read, not rewritten
    assert not list((tmp_path / "cache").glob("*.part"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_damaged_copy_is_rebuilt(tmp_path: Path, packaged: LanguageIdentifier, damage: str) -> None:
    load_identifier(tmp_path)
    [copy] = cached_files(tmp_path)
    good = copy.read_bytes()
    damaged = {"garbage": b"not a model" * 100, "truncated": good[: len(good) // 2], "empty": b""}[damage]
    copy.write_bytes(damaged)
    same_identifier(load_identifier(tmp_path), packaged)
    assert copy.read_bytes() == good


def test_unwritable_cache_falls_back_to_py3langid(tmp_path: Path, packaged: LanguageIdentifier) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache directory cannot be created below a file")
    same_identifier(load_identifier(blocker / "cache"), packaged)
