"""Word pieces of a text, as BERT's uncased WordPiece tokenizer cuts them (pure Python).

Used by ``tone_news``'s word-vector block (:mod:`models.tone_news`): each word
piece of a sentence has a weight in the shipped model, derived from the
all-MiniLM-L6-v2 vectors of the pieces.

Steps (after BERT's ``BasicTokenizer`` and ``WordpieceTokenizer``, Devlin et al.
2019): lower-case; strip accents (Unicode NFD, combining marks dropped) when the
text is not plain ASCII; cut into runs of letters and digits and single
punctuation or symbol characters; then cut each word greedily into the longest
pieces found in the vocabulary, continuation pieces written with a ``##``
prefix; a word that cannot be cut (or of over 100 characters) is ``[UNK]``.
Unlike BERT's, symbols that are not punctuation (``€``, ``©``) are cut off too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

UNKNOWN = "[UNK]"
MAX_WORD = 100
_WORD = re.compile(r"[^\W_]+|[^\w\s]|_")
# _WORD for lower-case ASCII text, its classes spelt out (about 30% faster than the
# Unicode classes): letters and digits; any other character but "_" and what
# str.isspace() calls space (\x1c-\x1f too); "_".
_ASCII_WORD = re.compile(r"[a-z0-9]+|[^a-z0-9_ \t\n\r\x0b\x0c\x1c-\x1f]|_")
#: Punctuation news text is full of (curly quotes, dashes, the ellipsis, the no-break
#: space): no word characters, not cased, no canonical decomposition, not marks.
NEWS_PUNCTUATION = "‘’“”—–―…\xa0"
#: A character other than ASCII and :data:`NEWS_PUNCTUATION`: text without one is
#: the same after lower-casing, NFD and dropping combining marks as after lower-casing.
NOT_ASCII_OR_NEWS = re.compile(f"[^\\x00-\\x7f{NEWS_PUNCTUATION}]")


class _DropMarks(dict[int, "int | None"]):
    """For ``str.translate``: combining marks (category Mn) are dropped, every other
    character kept; each character's category is looked up once."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" else code
        if len(self) < 65_536:
            self[code] = kept
        return kept


_DROP_MARKS = _DropMarks()


def words(text: str) -> list[str]:
    """Lower-cased words and single punctuation characters, accents stripped."""
    text = text.lower()
    if text.isascii():
        return _ASCII_WORD.findall(text)
    if NOT_ASCII_OR_NEWS.search(text) is not None:
        text = unicodedata.normalize("NFD", text)
        if not text.isascii():
            text = text.translate(_DROP_MARKS)
    return _WORD.findall(text)


def pieces_of_word(word: str, vocabulary: Container[str]) -> list[str]:
    """Greedy longest-match-first word pieces of one word (``[UNK]`` when it cannot be cut)."""
    if word in vocabulary:
        return [word]
    if len(word) > MAX_WORD:
        return [UNKNOWN]
    found: list[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        piece = None
        while start < end:
            candidate = word[start:end] if start == 0 else "##" + word[start:end]
            if candidate in vocabulary:
                piece = candidate
                break
            end -= 1
        if piece is None:
            return [UNKNOWN]
        found.append(piece)
        start = end
    return found


def word_pieces(text: str, vocabulary: Container[str]) -> list[str]:
    """All word pieces of a text, in order."""
    found: list[str] = []
    for word in words(text):
        found.extend(pieces_of_word(word, vocabulary))
    return found
