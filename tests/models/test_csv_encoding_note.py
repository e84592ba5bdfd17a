"""README's "CSV files" note says how every CSV file is written (encoding, line ends,
decimal point, blanks), so that a researcher opening one in Excel, R or pandas reads it
right; here the note's claims are checked against the bytes models.export writes."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from models.export import write_csv

REPO = Path(__file__).resolve().parents[2]


def _note() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("### CSV files")
    end = readme.index("\n#", start + 1)
    return " ".join(readme[start:end].split())


def test_the_readme_s_csv_note_says_what_the_files_are(tmp_path: Path) -> None:
    note = _note()
    for claim in ("UTF-8 without a byte-order mark", "CRLF (`\\r\\n`)",
                  "A decimal point, never a comma", "6 significant digits",
                  "A blank cell means no value", "keep_default_na=False"):
        assert claim in note, claim
    path = tmp_path / "t.csv"
    write_csv(path, ["outlet", "rate", "flag", "sentence", "small"], [
        {"outlet": "Le Monde – Paris", "rate": 2 / 3, "flag": True,
         "sentence": 'He said, "no"\nthen left.', "small": 0.000015},
        {"outlet": "NA", "rate": None, "flag": False, "sentence": "", "small": math.nan},
    ])
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    assert "–".encode() in data  # UTF-8
    assert data.count(b"\r\n") == 3 and b"\n" in data.replace(b"\r\n", b"")  # CRLF, and
    # a line break inside a quoted cell stays as written
    assert b"0.666667" in data and b"1.5e-05" in data and b",1," in data
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert rows[1]["rate"] == rows[1]["small"] == ""  # None and NaN: blank
    assert rows[0]["sentence"] == 'He said, "no"\nthen left.'
    assert rows[1]["outlet"] == "NA"  # text, which pandas reads as missing by default
