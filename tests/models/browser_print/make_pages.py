"""Builds the news pages that the PDFs beside this file were printed from.

Each page carries one seed article's headline and body paragraphs (``seeds/`` ships in
the repository), inside what a news site puts around an article: a navigation bar,
a byline "By … | Outlet", a date, a canonical address, a related-stories list and a
footer. The names of the writers are made up. The PDFs are then printed by the
browsers themselves (see README.md beside this file for the commands).

    python tests/models/browser_print/make_pages.py OUTDIR
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from models.article import Role
from models.readers import read_file

ROOT = Path(__file__).resolve().parents[3]

# seed file, page file, outlet, canonical address, writer, date shown
PAGES = [
    ("003_7925c5d76f714f91.txt", "patriotwise", "PatriotWise",
     "https://www.patriotwise.com/2023/05/17/kremlin-tells-top-officials-they-cannot-resign/",
     "Ellis Varga", "May 17, 2023"),
    ("001_66f19ea345cf053d.txt", "dailybeast", "The Daily Beast",
     "https://www.thedailybeast.com/putin-reportedly-had-to-ban-top-officials-from-quitting",
     "Dana Whitcombe", "May 10, 2023"),
    ("002_14618085202ce7d7.txt", "kremlin-charges", "El Mirador Global",
     "https://www.elmiradorglobal.es/internacional/2023/05/19/kremlin-threatened-criminal-charges.html",
     "Lucía Ferrer Soto", "19 May 2023"),
    ("004_3fc53e922aa18798.txt", "mod-update", "Frontline Brief",
     "https://frontlinebrief.co.uk/news/russia-bans-officials-resigning-mod-update",
     "Tom Reddish", "18 May 2023"),
]
# A print stylesheet that fits the article on one page (a one-page print has nothing repeated).
ONE_PAGE = {"patriotwise"}
PRINT_STYLE = "@media print { p { font-size: 12px; line-height: 1.35; } aside { display: none; } }"
# Where the outlet can be read, page by page: only this page's footer has a copyright line,
# and this page's byline names only the writer (its outlet is in the printed address alone).
COPYRIGHT = {"patriotwise"}
WRITER_ONLY = {"dailybeast"}
# The seed has no headline of its own: the page gives it one.
HEADLINES = {
    "mod-update": "Russia is banning officials from resigning, UK defence ministry says",
}

STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; margin: 0; color: #111; }
nav { background: #1d1d1d; color: #fff; padding: 8px 24px; font-family: sans-serif; font-size: 13px; }
nav a { color: #fff; margin-right: 14px; text-decoration: none; }
.brand { font-weight: bold; font-size: 20px; margin-right: 28px; }
main { max-width: 680px; margin: 24px auto; padding: 0 16px; }
.kicker { font-family: sans-serif; font-size: 12px; text-transform: uppercase; color: #b00; }
h1 { font-size: 32px; line-height: 1.15; margin: 6px 0 12px; }
.dek { font-size: 19px; color: #444; }
.byline { font-family: sans-serif; font-size: 13px; color: #555; margin: 14px 0 22px; }
p { font-size: 17px; line-height: 1.55; }
h2 { font-size: 21px; margin-top: 26px; }
aside { border-top: 2px solid #111; margin-top: 36px; font-family: sans-serif; font-size: 14px; }
aside li { margin: 6px 0; }
footer { border-top: 1px solid #ccc; margin-top: 30px; padding: 12px 24px; font-family: sans-serif;
         font-size: 12px; color: #666; }
"""


def page(seed: str, name: str, outlet: str, url: str, writer: str, shown: str) -> str:
    article = read_file(ROOT / "seeds" / seed)
    parts: list[str] = []
    for block in article.blocks:
        text = html.escape(article.text[block.start:block.end])
        if block.role is Role.BODY:
            parts.append(f"<p>{text}</p>")
        elif block.role is Role.CROSSHEAD:
            parts.append(f"<h2>{text}</h2>")
        elif block.role is Role.STANDFIRST:
            parts.append(f'<p class="dek">{text}</p>')
    headline = html.escape(article.headline or HEADLINES[name])
    byline = html.escape(writer if name in WRITER_ONLY else f"{writer} | {outlet}")
    footer = f"© 2023 {html.escape(outlet)}. All rights reserved. · " if name in COPYRIGHT else ""
    title = f"{headline} | {html.escape(outlet)}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="{html.escape(outlet)}">
<style>{STYLE}{PRINT_STYLE if name in ONE_PAGE else ""}</style></head>
<body>
<nav><span class="brand">{html.escape(outlet)}</span><a href="#">World</a><a href="#">Politics</a>
<a href="#">Opinion</a><a href="#">Business</a><a href="#">Subscribe</a></nav>
<main><article>
<div class="kicker">World</div>
<h1>{headline}</h1>
{''.join(p for p in parts if 'class="dek"' in p)}
<div class="byline">By {byline}<br>Published {shown}</div>
{chr(10).join(p for p in parts if 'class="dek"' not in p)}
</article>
<aside><h3>More from {html.escape(outlet)}</h3><ul>
<li><a href="#">What the sanctions have done to Russia’s economy, a year on</a></li>
<li><a href="#">The generals who vanished from view</a></li></ul></aside></main>
<footer>{footer}Privacy · Terms · Contact</footer>
</body></html>
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for seed, name, outlet, url, writer, shown in PAGES:
        (out / f"{name}.html").write_text(page(seed, name, outlet, url, writer, shown), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
