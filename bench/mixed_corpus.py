"""Build a 1,000+ article corpus in every format Framescope reads, and time reading it.

    .venv/bin/python bench/mixed_corpus.py --out /tmp/corpus [--baseline /tmp/corpus-txt] [--time]

Texts: the PolNeAR articles (train + dev, 924; ../shared/data/polnear, research
use only) with their publisher, date and title from metadata.tsv, and 200 New
York Times editorial snippets from vader-nyt (MIT). They are written OUTSIDE
the repository (the data may not be copied into it): as .txt, .html, .pdf,
.docx, .rtf, .odt; one CSV, one JSON Lines, one XLSX and one TSV (with an
unclear header); a Nexis Uni DOCX and RTF; a Factiva RTF and HTML; and a
folder of deliberately bad files (empty, binary, undecodable, a 1 GB sparse
file, encrypted, broken and scanned PDFs, a zip bomb, an XML entity bomb, a
CSV without a text column, the same article twice).

The .txt, .pdf, .docx, .rtf and .odt files come with a manifest.csv giving
their outlet and date (web pages, corpus files and exports carry theirs). ``--baseline`` writes the same texts
as plain .txt files, one per article, with a manifest.csv, so
that reading can be compared in the same run: ``--time`` reads both with
models.readers.read_paths and prints the times and their ratio (the figure
that counts; absolute times depend on the machine).
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import random
import shutil
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.models import fileformats as ff  # noqa: E402  (writers of real document files)

DATA = REPO.parent.parent / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")
POLNEAR = DATA / "polnear" / "data"
NYT = DATA / "vader-nyt" / "nyt_train.tsv"

OUTLETS = {
    "breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times",
    "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
    "west-journal": "Western Journal", "parc": "PARC (Penn Treebank WSJ)",
}
# How many PolNeAR articles go into each format (the rest go to .txt).
PLAN = {
    "html": 80, "pdf": 60, "docx": 60, "rtf": 40, "odt": 40, "csv": 120, "jsonl": 80,
    "xlsx": 60, "nexis-docx": 40, "nexis-rtf": 30, "factiva-rtf": 30, "factiva-html": 34,
}
NYT_SNIPPETS = 200


@dataclass(frozen=True)
class Text:
    key: str
    headline: str
    body: list[str]  # paragraphs, headline excluded
    outlet: str
    date: str  # ISO

    @property
    def full(self) -> str:
        return self.headline + "\n\n" + "\n\n".join(self.body) + "\n"

    def story(self) -> ff.Story:
        import datetime as dt

        day = dt.date.fromisoformat(self.date) if self.date else dt.date(2016, 1, 1)
        return ff.Story(self.headline, self.body, outlet=self.outlet,
                        date=day.strftime("%B %d, %Y").replace(" 0", " "), byline="Staff")


def polnear_texts() -> list[Text]:
    metadata: dict[str, dict[str, str]] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            metadata[row["filename"]] = row
    texts = []
    for split in ("train", "dev"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
            if len(paragraphs) < 2:
                continue
            meta = metadata.get(path.stem, {})
            date = meta.get("publication_date", "")
            texts.append(Text(
                key=path.stem, headline=paragraphs[0], body=paragraphs[1:],
                outlet=OUTLETS.get(meta.get("publisher", ""), meta.get("publisher", "unknown")),
                date=date if len(date) == 10 else "",
            ))
    return texts


def nyt_snippets(limit: int) -> list[Text]:
    groups: dict[str, list[str]] = {}
    with NYT.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                groups.setdefault(parts[0].split("_")[0], []).append(parts[2])
    texts = []
    for key, sentences in list(groups.items())[:limit]:
        texts.append(Text(f"nyt-{key}", "", [" ".join(sentences)], "The New York Times (editorial)", ""))
    return texts


def web_page(text: Text) -> str:
    e = html.escape
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in text.body)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(text.headline)}</title>'
        f'<meta property="og:site_name" content="{e(text.outlet)}">'
        f'<meta property="article:published_time" content="{text.date}"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>"
        f"<article><h1>{e(text.headline)}</h1>{paragraphs}</article>"
        f"<footer>© 2016 {e(text.outlet)}</footer></body></html>"
    )


ROW_HEADER = ["headline", "text", "outlet", "date", "url"]


def row_of(text: Text) -> list[str]:
    return [text.headline, "\n\n".join(text.body), text.outlet, text.date,
            f"https://example.org/{text.key}"]


def build(out: Path, texts: list[Text], snippets: list[Text]) -> dict[str, int]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts: dict[str, int] = {}
    rest = list(texts)

    def take(kind: str) -> list[Text]:
        n = PLAN[kind]
        chosen, rest[:] = rest[:n], rest[n:]
        counts[kind] = len(chosen)
        return chosen

    folders = {k: out / k for k in ("pdf", "docx", "rtf", "odt", "html", "corpus-files", "exports")}
    for folder in folders.values():
        folder.mkdir()
    for t in take("html"):
        (folders["html"] / f"{t.key}.html").write_text(web_page(t), encoding="utf-8")
    for kind, write in (("pdf", ff.write_pdf), ("docx", ff.write_docx), ("rtf", ff.write_rtf)):
        chosen = take(kind)
        for t in chosen:
            write(folders[kind] / f"{t.key}.{kind}", [t.headline, *t.body])
        write_manifest(folders[kind], chosen, f".{kind}")
    chosen = take("odt")
    for t in chosen:
        ff.write_odt(folders["odt"] / f"{t.key}.odt", t.body, heading=t.headline)
    write_manifest(folders["odt"], chosen, ".odt")
    with (folders["corpus-files"] / "scraped.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ROW_HEADER)
        writer.writerows(row_of(t) for t in take("csv"))
    with (folders["corpus-files"] / "scraped.jsonl").open("w", encoding="utf-8") as handle:
        for t in take("jsonl"):
            handle.write(json.dumps(dict(zip(ROW_HEADER, row_of(t), strict=True))) + "\n")
    ff.write_xlsx(folders["corpus-files"] / "scraped.xlsx", ROW_HEADER, [row_of(t) for t in take("xlsx")])
    # An unclear header: "snippet" is not a known name for the text (the app asks).
    with (folders["corpus-files"] / "nyt-snippets.tsv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["id", "snippet", "paper"])
        writer.writerows([t.key, t.body[0], t.outlet] for t in snippets)
    counts["tsv"] = len(snippets)
    ff.write_nexis_docx(folders["exports"] / "nexis-uni.docx", [t.story() for t in take("nexis-docx")])
    ff.write_nexis_rtf(folders["exports"] / "nexis-uni.rtf", [t.story() for t in take("nexis-rtf")])
    ff.write_factiva_rtf(folders["exports"] / "factiva.rtf", [t.story() for t in take("factiva-rtf")], tabbed=True)
    ff.write_factiva_html(folders["exports"] / "factiva.html", [t.story() for t in take("factiva-html")])
    counts["txt"] = len(rest)
    for t in rest:
        (out / f"{t.key}.txt").write_text(t.full, encoding="utf-8")
    write_manifest(out, rest)
    counts["bad"] = write_bad_files(out / "bad", texts)
    return counts


def write_manifest(folder: Path, texts: list[Text], suffix: str = ".txt") -> None:
    """manifest.csv for the article files: their outlet and date, as a researcher would give them."""
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "outlet", "date"])
        writer.writerows([f"{t.key}{suffix}", t.outlet, t.date] for t in texts)


def write_bad_files(folder: Path, texts: list[Text]) -> int:
    folder.mkdir()
    rng = random.Random(5)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "undecodable.md").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200 + b"\x00\xff" * 50)
    with (folder / "one-gigabyte.csv").open("wb") as handle:
        handle.truncate(1024**3)  # sparse: nothing is written
    plain = ff.write_pdf(folder / "plain.pdf", [texts[0].headline, *texts[0].body[:2]])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with (folder / "encrypted.pdf").open("wb") as handle:
        writer.write(handle)
    data = plain.read_bytes()
    plain.unlink()
    (folder / "broken.pdf").write_bytes(data[: len(data) // 3])
    ff.write_image_only_pdf(folder / "scanned.pdf")
    with zipfile.ZipFile(folder / "zip-bomb.docx", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(40):
                member.write(b" " * 1024 * 1024)
    entities = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    with zipfile.ZipFile(folder / "entity-bomb.docx", "w") as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>'
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    (folder / "no-text-column.csv").write_text("id,count\n1,2\n3,4\n", encoding="utf-8")
    # The same article twice: a copy under another name, and the same text as RTF.
    (folder / "copy-of-an-article.txt").write_text(texts[-1].full, encoding="utf-8")
    ff.write_rtf(folder / "same-article-as-rtf.rtf", [texts[-1].headline, *texts[-1].body])
    return len(os.listdir(folder))


def read_time(folder: Path) -> tuple[float, int, int]:
    from models.readers import read_paths

    started = time.perf_counter()
    result = read_paths([folder])
    return time.perf_counter() - started, len(result.articles), len(result.errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, help="also write every text as .txt here")
    parser.add_argument("--time", action="store_true", help="time reading both folders")
    args = parser.parse_args()
    if REPO in args.out.resolve().parents or (args.baseline and REPO in args.baseline.resolve().parents):
        parser.error("write the corpus outside the repository (the texts may not be copied into it)")
    texts, snippets = polnear_texts(), nyt_snippets(NYT_SNIPPETS)
    started = time.perf_counter()
    counts = build(args.out, texts, snippets)
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {len(texts) + len(snippets)} articles in all, plus the bad files")
    if args.baseline:
        if args.baseline.exists():
            shutil.rmtree(args.baseline)
        args.baseline.mkdir(parents=True)
        for t in texts + snippets:
            (args.baseline / f"{t.key}.txt").write_text(t.full.lstrip("\n"), encoding="utf-8")
        write_manifest(args.baseline, texts + snippets)
    if args.time and args.baseline:
        base_s, base_n, _ = read_time(args.baseline)
        mixed_s, mixed_n, mixed_e = read_time(args.out)
        print(f"read the .txt baseline: {base_n} articles in {base_s:.2f} s")
        print(f"read the mixed corpus:  {mixed_n} articles, {mixed_e} problems, in {mixed_s:.2f} s")
        print(f"ratio mixed / baseline (per article): {(mixed_s / mixed_n) / (base_s / base_n):.2f}")


if __name__ == "__main__":
    main()
