"""How often a text file is said to be cut short when it is whole, and found when it is cut.

The rule is :func:`models.readers.text.text_cut_short` (through
:func:`models.readers.text.decode_text`, as the reader runs it). Whole files: the seeds,
PolNeAR's news articles (``--data``, never copied into the repository) and the text
files of the installed system (.txt, .md, .rst, README, copyright... under /usr/share,
/usr/lib/python3 and the virtual environment). Cut files: the seeds and PolNeAR cut at
random bytes (fixed seed), and at every multiple of 4,096 bytes inside them. Prints
counts, and the whole files taken for cut (there should be none, or very few).

    .venv/bin/python bench/text_cut_short.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.readers.text import BLOCK_BYTES, ReaderError, decode_text, text_cut_short  # noqa: E402

SYSTEM_ROOTS = ("/usr/share", "/usr/lib/python3", str(Path(sys.prefix) / "lib"))
TEXT_ENDINGS = (".txt", ".md", ".rst")
TEXT_NAMES = frozenset({"readme", "copyright", "changelog", "news", "authors", "license",
                        "copying"})
#: Random cuts per file (the seeds are few: more cuts each).
CUTS_PER_SEED, CUTS_PER_ARTICLE = 200, 20


def said_cut(data: bytes) -> bool:
    try:
        return bool(text_cut_short(data, decode_text(data)))
    except ReaderError:
        return False  # refused as not text: no note either way


def system_files() -> Iterator[Path]:
    for root in SYSTEM_ROOTS:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                if name.lower().endswith(TEXT_ENDINGS) or name.lower() in TEXT_NAMES:
                    path = Path(folder) / name
                    if path.is_file() and not path.is_symlink():
                        yield path


def contents(paths: Iterator[Path] | list[Path]) -> list[tuple[Path, bytes]]:
    kept = []
    for path in sorted(set(paths)):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if data and len(data) <= 10_000_000 and b"\x00" not in data[:4096]:
            kept.append((path, data))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    polnear = args.data / "polnear" / "data"
    if not polnear.is_dir():
        print(f"PolNeAR is not at {polnear}: its articles are left out")
    groups = {
        "seeds": contents(list((REPO / "seeds").glob("*.txt"))),
        "polnear": contents(list(polnear.rglob("*.txt")) if polnear.is_dir() else []),
        "system": contents(system_files()),
    }
    print("whole files said to be cut short")
    for name, files in groups.items():
        flagged = [path for path, data in files if said_cut(data)]
        print(f"  {name:8} {len(flagged)} of {len(files)}")
        for path in flagged:
            print(f"    {path}")
    rng = random.Random(34)
    print("cut files found")
    for name in ("seeds", "polnear"):
        per_file = CUTS_PER_SEED if name == "seeds" else CUTS_PER_ARTICLE
        anywhere = [data[:rng.randrange(1, len(data))] for _path, data in groups[name]
                    for _ in range(per_file) if len(data) > 1]
        at_blocks = [data[:end] for _path, data in groups[name]
                     for end in range(BLOCK_BYTES, len(data), BLOCK_BYTES)]
        for how, cuts in (("at a random byte", anywhere), (f"at n x {BLOCK_BYTES}", at_blocks)):
            found = sum(map(said_cut, cuts))
            share = f"{found / len(cuts):.1%}" if cuts else "-"
            print(f"  {name:8} cut {how:16} {found} of {len(cuts)} ({share})")


if __name__ == "__main__":
    main()
