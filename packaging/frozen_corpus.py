"""A small corpus in every format the readers take, for checking a frozen build.

    python packaging/frozen_corpus.py OUT      # prints the number of articles written

check_frozen.sh runs the frozen ``framescope analyze`` on it: each reader's
libraries and data files (trafilatura, pypdf, openpyxl, defusedxml...) must be
in the bundle, or an article is missing from scores.csv. The files are made by
real producers (fpdf2, python-docx, openpyxl: the "dev" extra) with the test
suite's writers (tests/models/fileformats.py), so this script runs with the
development environment, not inside the bundle.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = (
    "The harbour bridge reopened to traffic on Friday after six weeks of repairs, "
    "the city council said.",
    "Officials claimed the work had finished ahead of schedule, although residents "
    "reportedly complained about long detours during the closure.",
    '"It is likely that the bridge will need further work within a decade," an engineer '
    "close to the project told reporters.",
    "The council insisted the costs would probably stay within the original budget.",
)

WEB_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs - The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2023-05-12T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
{paragraphs}
</article>
<footer>Copyright 2023 The Coastal Courier</footer>
</body></html>
"""


def _paragraphs(source: str) -> list[str]:
    """The story, with a closing line naming ``source`` (the readers skip duplicate texts)."""
    return [*PARAGRAPHS, f"This copy of the story was filed as {source}."]


def write_corpus(out: Path) -> int:
    """Write the corpus into ``out``; the number of articles in it."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.models import fileformats as ff

    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copyfile(seed, out / seed.name)
        count += 1
    (out / "courier.html").write_text(
        WEB_PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in _paragraphs("a web page"))),
        encoding="utf-8",
    )
    (out / "notes.md").write_text(
        "# Bridge reopens\n\n" + "\n\n".join(_paragraphs("Markdown")) + "\n", encoding="utf-8"
    )
    headline = "Bridge reopens after repairs"
    ff.write_pdf(out / "gazette.pdf", [headline, *_paragraphs("PDF")])
    ff.write_docx(out / "herald.docx", [headline, *_paragraphs("DOCX")])
    ff.write_odt(out / "tribune.odt", _paragraphs("ODT"), heading=headline)
    ff.write_rtf(out / "observer.rtf", [headline, *_paragraphs("RTF")])
    count += 6

    header = ("headline", "text", "outlet", "date")
    outlets = ("The Morning Post", "Evening Standard Times")

    def rows(kind: str) -> list[tuple[str, str, str, str]]:
        return [
            ("Bridge reopens", " ".join(_paragraphs(f"row {n} of a {kind} file")), outlet, "2023-05-12")
            for n, outlet in enumerate(outlets, start=1)
        ]

    with (out / "corpus.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows("CSV"))
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows("JSON Lines"):
            handle.write(json.dumps(dict(zip(header, row, strict=True))) + "\n")
    ff.write_xlsx(out / "corpus.xlsx", header, rows("XLSX"))
    count += 3 * len(outlets)

    stories = [
        ff.Story(
            headline=f"Bridge reopens ({n})", paragraphs=_paragraphs(f"Nexis story {n}"), outlet=outlet
        )
        for n, outlet in enumerate(("The Daily Example", "The Weekly Example"), start=1)
    ]
    ff.write_nexis_docx(out / "nexis-export.docx", stories)
    count += len(stories)
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python packaging/frozen_corpus.py OUT\n")
        return 2
    sys.stdout.write(f"{write_corpus(Path(args[0]))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
