"""Lines under and inside a story that are not the story, in the shapes PolNeAR's texts keep
them (every paragraph ends in a full stop there): photo credits, the writer's social-media
promotion, sign-up offers, embedded posts' markup and notes about the article. None of them
is body, so none is scored or offered as a claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.article import Role
from models.claims import align_claims
from models.features import analyze_articles
from models.readers import read_file
from models.readers.layout import detect_layout

BODY = "The ministry confirmed the decision in a statement on Friday, officials said.\n\n"


def role_of(line: str) -> Role:
    text = BODY + line + "\n\n" + BODY
    layout = detect_layout(text)
    (found,) = [b for b in layout.blocks if line in text[b.start:b.end]]
    return found.role


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("John Moore/Getty Images.", Role.CREDIT),
        ("Scott Olson via Getty Images.", Role.CREDIT),
        ("MICHAEL B. THOMAS via Getty Images.", Role.CREDIT),
        ("Jim Urquhart / Reuters.", Role.CREDIT),
        ("Getty.", Role.CREDIT),
        ("Getty/Instagram.", Role.CREDIT),
        ("Follow Pam Key on Twitter @pamkeyNEN.", Role.ADVERT),
        ("Follow AWR Hawkins on Twitter: @AWRHawkins. Reach him directly at awrhawkins@breitbart.com.",
         Role.ADVERT),
        ("On Twitter follow Ken Thomas https://twitter.com/KThomasDC and Lisa Lerer "
         "https://twitter.com/llerer.", Role.ADVERT),
        ("Follow @USATOpinion or #tellusatoday on Twitter for more of this discussion.", Role.ADVERT),
        ("For more, sign up for the What’s Working newsletter.", Role.ADVERT),
        ("Sign up to get an email from reporter Ryan Grim when he publishes a new story.",
         Role.ADVERT),
        ('<tweet id="672138489358585856" author="@th3j35t3r" datetime="2015-12-02">#UPDATE FAROOK'
         "</tweet>.", Role.METADATA),
        ('<tweet tweet-id="783499116076687360"><tweet/>.', Role.METADATA),
        ('<tweet pic="" author="realDonaldTrump" timestamp="1470067200" tweet_id="760070280932982784">'
         "Mr. Khan, who does not know me, viciously attacked me from the stage of the DNC.",
         Role.METADATA),
        ("Correction: An earlier version of this story incorrectly indicated that Mark Wynn "
         "intended to become a delegate to the national convention.", Role.METADATA),
        ("This story has been updated to include comments from Clark and from the Clinton campaign.",
         Role.METADATA),
        ("We Are Sorry,This video is restricted from playing in your locationEcode: 17.",
         Role.METADATA),
    ],
)
def test_boilerplate_lines_are_not_body(line: str, role: Role) -> None:
    assert role_of(line) is role


@pytest.mark.parametrize(
    "line",
    [
        "Trump announced the decision via Twitter.",
        "Clinton’s campaign said it would follow the money, and posted the records on Twitter.",
        '"Follow the money," Sanders wrote on Twitter @BernieSanders, and thousands shared it.',
        "Corrections officers said the prison had been understaffed for years.",
        "The senator subscribes to the view that the email issue is settled, aides said.",
        "He promised to sign up for the health care exchange himself, according to the report.",
        "Following the debate, the candidates went on Twitter to claim victory.",
        # An editor's note is the outlet's own voice (here its framing of the candidate), not a
        # note about the article: it is scored.
        "Editor’s note: Donald Trump regularly incites political violence and is a serial liar, "
        "rampant xenophobe, racist, misogynist and birther.",
    ],
)
def test_story_lines_that_mention_the_same_words_stay_body(line: str) -> None:
    assert role_of(line) is Role.BODY


STORY = (
    "Senators Debate the Border Bill\n\n"
    "{opening} Subscribe here, and listen to the latest episode below.\n\n"
    "{lede}\n\n"
    "Follow Pam Key on Twitter @pamkeyNEN.\n\n"
    "John Moore/Getty Images.\n\n"
    '<tweet tweet-author="@edhenry" tweet-date="March 10, 2016">Candidates are not supposed to '
    "confer with staff during the debate breaks tonight</tweet>.\n\n"
    "For more, sign up for the What’s Working newsletter.\n\n"
    "We Are Sorry,This video is restricted from playing in your locationEcode: 17.\n"
)


def test_boilerplate_shared_by_articles_is_no_claim(tmp_path: Path) -> None:
    """Two articles that share their boilerplate and one statement: the statement is the one
    claim (before, the promotion, the credit, the tweet, the sign-up sentence inside a body
    paragraph and the video player's message were claims of their own)."""
    ledes = (
        "The Senate voted on Tuesday to pass the border security bill after a long debate.",
        "After a long debate the Senate voted on Tuesday to pass the border security bill.",
    )
    openings = (
        "Lawmakers in Washington spent the week arguing over money for the southern border.",
        "Farmers in Iowa worried about the price of corn as the harvest came to an end.",
    )
    articles = []
    for i, (opening, lede) in enumerate(zip(openings, ledes, strict=True)):
        path = tmp_path / f"{i}.txt"
        path.write_text(STORY.format(opening=opening, lede=lede), encoding="utf-8")
        article = read_file(path)
        article.outlet = f"Outlet {i}"
        articles.append(article)
    claims = align_claims(analyze_articles(articles)).claims
    assert [c.label for c in claims] == [ledes[0]]
