"""The same text stated under two outlets (a corpus file's outlet column, a manifest) is
each outlet's article: wire copy both ran. It was read once, the second outlet's copy
set aside as "already read", and that outlet left the tables (audit s34). A copy with no
stated outlet, or under the same one, is still the same article read twice."""

from __future__ import annotations

import csv
from pathlib import Path

from models.readers import read_paths

WIRE = ("WASHINGTON (AP) — The Senate likely will vote on the bill next week, officials "
        "said on Tuesday, after months of talks that critics called a reckless gamble.")
OTHER = "The mayor opened a new library branch on Main Street, drawing a large crowd."


def corpus(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "text"])
        writer.writerows(rows)
    return path


def test_wire_copy_in_two_outlets_is_each_outlet_s_article(tmp_path: Path) -> None:
    read = read_paths([corpus(tmp_path / "a.csv", [
        ("Ledger", WIRE), ("Courier", WIRE), ("ledger ", WIRE), ("Ledger", OTHER)])])
    assert [(a.article_id, a.outlet) for a in read.articles] == [
        ("a-001", "Ledger"), ("a-002", "Courier"), ("a-004", "Ledger")]
    [duplicate] = read.errors  # the same outlet's copy, case and spaces aside
    assert duplicate.reason.endswith("a-003: same text as a-001 in " + str(tmp_path / "a.csv"))


def test_a_manifest_s_outlets_tell_wire_copies_apart(tmp_path: Path) -> None:
    for name in ("ledger.txt", "courier.txt", "zz_copy.txt"):
        (tmp_path / name).write_text(WIRE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet\nledger.txt,Ledger\ncourier.txt,Courier\n", encoding="utf-8")
    read = read_paths([tmp_path])
    assert sorted(a.outlet for a in read.articles) == ["Courier", "Ledger"]
    # zz_copy.txt states no outlet (its file name's): the same article read again
    [duplicate] = read.errors
    assert Path(duplicate.file).name == "zz_copy.txt" and duplicate.is_duplicate
