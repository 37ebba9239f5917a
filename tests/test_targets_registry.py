"""The target registry: shipped CSVs load; user files override; bad rows name file and line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from evnews.compare.registry import ACTUAL_COLUMNS, TARGET_COLUMNS, load_registry
from evnews.errors import ConfigError
from evnews.models import METRICS

REPO = Path(__file__).resolve().parents[1]
HEADER = ",".join(TARGET_COLUMNS)
A = "a_2021,Nissan,Plan A,2021-01-01,ev_model_launches,,10,models,exact,global,2030,false,{sup},"
B = "b_2023,Nissan,Plan B,2023-01-01,ev_model_launches,,12,models,exact,global,2030,false,{sup},"


def write_registry(folder: Path, *rows: str, user: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "targets.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    for name, text in (user or {}).items():
        (folder / "targets").mkdir(exist_ok=True)
        (folder / "targets" / name).write_text(text, encoding="utf-8")
    return folder


def test_shipped_registry_loads_and_is_consistent() -> None:
    registry = load_registry(REPO / "warehouse")
    assert len(registry.targets) == 114
    assert len(registry.actuals) == 61
    assert {t.company for t in registry.targets.values()} == {"Nissan", "Alliance"}
    assert all(t.metric in METRICS for t in registry.targets.values())
    revised = [t for t in registry.targets.values() if t.superseded_by]
    assert revised and all(t.superseded_by in registry.targets for t in revised)
    ev_models = registry.targets["ambition2030_ev_models_2021"]
    assert (ev_models.value, ev_models.superseded_by) == (15.0, "ambition2030_ev_models_2023")
    assert ev_models.origin.endswith("targets.csv, line 44")


def test_shipped_registry_matches_its_csv_line_for_line() -> None:
    """Every data line of targets.csv is one target (no silently skipped rows)."""
    lines = [ln for ln in (REPO / "warehouse" / "targets.csv").read_text().splitlines()[1:] if ln.strip()]
    assert len(lines) == len(load_registry(REPO / "warehouse").targets)


def test_user_file_overrides_by_id_and_adds(tmp_path: Path) -> None:
    folder = write_registry(
        tmp_path,
        A.format(sup=""),
        user={
            "10_fix.csv": f"{HEADER}\n{A.format(sup='b_2023').replace(',10,', ',11,')}\n{B.format(sup='')}\n",
        },
    )
    registry = load_registry(folder)
    assert registry.targets["a_2021"].value == 11
    assert registry.targets["a_2021"].superseded_by == "b_2023"
    assert "10_fix.csv, line 2" in registry.targets["a_2021"].origin
    assert registry.targets["b_2023"].announced == dt.date(2023, 1, 1)


def test_user_actuals_file_is_recognised_by_its_header(tmp_path: Path) -> None:
    actuals = ",".join(ACTUAL_COLUMNS) + "\nx_2024,Nissan,2024-05-01,ev_sales_volume,,1000,vehicles,exact,global,2024,true,\n"
    registry = load_registry(write_registry(tmp_path, A.format(sup=""), user={"mine.csv": actuals}))
    assert registry.actuals["x_2024"].fiscal_year is True
    assert registry.actuals["x_2024"].value == 1000


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([A.format(sup="").replace("ev_model_launches", "ev_launchez")], "unknown metric 'ev_launchez'"),
        ([A.format(sup="").replace("exact", "roughly")], "unknown qualifier 'roughly'"),
        ([A.format(sup="").replace("2021-01-01", "2021-13-01")], "announced '2021-13-01' is not a date"),
        ([A.format(sup="").replace(",10,", ",ten,")], "value 'ten' is not a number"),
        ([A.format(sup="").replace(",2030,", ",20x0,")], "horizon_year '20x0' is not a year"),
        ([A.format(sup="").replace(",false,", ",maybe,")], "fiscal_year 'maybe' is not true/false"),
        ([A.format(sup="nowhere")], "superseded_by 'nowhere' names no known target"),
        ([A.format(sup=""), A.format(sup="")], "duplicate target_id 'a_2021' (first on line 2)"),
        ([A.format(sup="b_2023"), B.format(sup="a_2021").replace("2023-01-01", "2021-01-01")], "cycle"),
        ([A.format(sup="a_2021")], "cycle: a_2021 -> a_2021"),
        ([A.format(sup="").replace("Nissan", "")], "column 'company' is empty"),
        ([A.format(sup="") + ",extra"], "more cells than the header"),
    ],
)
def test_invalid_rows_name_file_and_line(tmp_path: Path, rows: list[str], fragment: str) -> None:
    folder = write_registry(tmp_path, *rows)
    with pytest.raises(ConfigError) as caught:
        load_registry(folder)
    message = str(caught.value)
    assert fragment in message
    assert str(folder / "targets.csv") in message
    assert ", line " in message


def test_error_line_number_points_at_the_bad_row(tmp_path: Path) -> None:
    folder = write_registry(tmp_path, A.format(sup=""), B.format(sup="").replace("exact", "nah"))
    with pytest.raises(ConfigError, match=r"targets\.csv, line 3: unknown qualifier"):
        load_registry(folder)


def test_dangling_reference_from_user_file_names_the_user_file(tmp_path: Path) -> None:
    folder = write_registry(tmp_path, A.format(sup=""), user={"20_bad.csv": f"{HEADER}\n{B.format(sup='ghost')}\n"})
    with pytest.raises(ConfigError, match=r"20_bad\.csv, line 2: superseded_by 'ghost'"):
        load_registry(folder)


def test_revision_announced_before_its_predecessor_is_rejected(tmp_path: Path) -> None:
    early = B.format(sup="").replace("2023-01-01", "2020-01-01")
    with pytest.raises(ConfigError, match="announced 2020-01-01, before a_2021"):
        load_registry(write_registry(tmp_path, A.format(sup="b_2023"), early))


def test_missing_column_and_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "targets.csv").write_text("target_id,company\nx,Nissan\n")
    with pytest.raises(ConfigError, match=r"line 1: missing column\(s\) plan"):
        load_registry(folder)
    with pytest.raises(ConfigError, match="does not exist"):
        load_registry(tmp_path / "nowhere")


def test_shipped_copy_is_independent_of_shared(tmp_path: Path) -> None:
    """Run-time loading needs only the warehouse directory (no ../shared)."""
    copy = tmp_path / "warehouse"
    copy.mkdir()
    for name in ("targets.csv", "actuals.csv"):
        shutil.copy(REPO / "warehouse" / name, copy / name)
    assert len(load_registry(copy).targets) == 114


def test_readme_example_override_loads(tmp_path: Path) -> None:
    """The example in warehouse/targets/README.md is a valid user file."""
    readme = (REPO / "warehouse" / "targets" / "README.md").read_text(encoding="utf-8")
    example = readme.split("```csv\n", 1)[1].split("```", 1)[0]
    folder = tmp_path / "w"
    (folder / "targets").mkdir(parents=True)
    for name in ("targets.csv", "actuals.csv"):
        shutil.copy(REPO / "warehouse" / name, folder / name)
    (folder / "targets" / "50_example.csv").write_text(example, encoding="utf-8")
    registry = load_registry(folder)
    assert registry.targets["ambition2030_ev_models_2023"].superseded_by == "my_ev_models_2026"
    assert registry.version_in_force("ambition2030_ev_models_2021", dt.date(2026, 7, 1)).target_id == "my_ev_models_2026"
