"""Of two files with the same text, the copy a file manager made is the duplicate, not its
original (models.readers.originals_first, ux28), also when the copy was made of a copy:
Windows names a copy of "notes - Copy.txt" "notes - Copy - Copy.txt", which a folder's
sorted names put before both (review29)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.readers import originals_first, read_paths

STORY = (
    "Ferry fares to rise in March\n\n"
    "The island ferry company will raise its fares by eight percent in March, its chief "
    "executive said on Tuesday.\n\n"
    "Fuel now costs the company twice what it did two years ago, she said.\n"
)


@pytest.mark.parametrize("copies", [
    ("notes - Copy.txt", "notes - Copy - Copy.txt"),  # Windows, a copy of the copy
    ("notes (1).txt", "notes (1) - Copy.txt"),  # a browser's copy, then Windows'
    ("notes copy.txt", "notes copy copy.txt"),  # macOS
    ("notes (copy).txt", "notes (another copy).txt"),  # GNOME Files (Linux)
    ("notes (3rd copy).txt", "notes (copy) (1).txt"),
    ("notes (copy 2).txt", "notes (copy 3).txt"),
])
def test_a_copy_of_a_copy_comes_after_the_original(copies: tuple[str, str]) -> None:
    folder = Path("folder")
    files = sorted([folder / "notes.txt", *(folder / name for name in copies)])
    assert originals_first(files)[0] == folder / "notes.txt"


def test_the_original_is_kept_and_both_copies_are_duplicates(tmp_path: Path) -> None:
    for name in ("notes.txt", "notes - Copy.txt", "notes - Copy - Copy.txt"):
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    result = read_paths([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["notes.txt"]
    assert sorted(Path(e.file).name for e in result.errors) == [
        "notes - Copy - Copy.txt", "notes - Copy.txt"]
    assert all(e.reason.endswith(f"same text as {tmp_path / 'notes.txt'}")
               for e in result.errors)


def test_files_that_are_no_copies_keep_their_order() -> None:
    folder = Path("folder")
    files = [folder / "b.txt", folder / "a (1).txt", folder / "a copy.txt"]
    assert originals_first(files) == files  # no "a.txt": nothing moves
