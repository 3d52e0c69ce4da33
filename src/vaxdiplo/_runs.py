"""A guard before spaCy's tokenizer: long runs of punctuation and very long tokens
broken up.

spaCy's tokenizer peels prefixes and suffixes off a token one at a time, copying what
is left each time, so a token made of thousands of ``<``, ``=`` or quotes costs time
quadratic in its length (ten thousand ``<`` take seconds, a hundred thousand hours);
its URL pattern does the same on long tokens such as ``a:a:a:...``. :func:`break_runs`
cuts a run of more than :data:`MAX_PUNCT_RUN` punctuation or symbol characters into
pieces of :data:`PUNCT_CHUNK` characters (a space, and within each piece its first
character followed by :data:`FILLER`, which the tokenizer keeps as one token: the run
costs two tokens a piece rather than one a character), and replaces every
:data:`TOKEN_CHUNK`-th character of a token longer than :data:`MAX_TOKEN` with a
space. A run of more than :data:`MAX_TAG_DEBRIS` unclosed tag openings (``<p <p <p``,
what a broken page leaves) is filled the same way: it is markup debris, and read as it
is it costs two tokens every three characters, three times the tokens of prose of the
same length. The text keeps its length, so every character offset (tokens, sentences,
mentions, evidence) still indexes the text the user passed; only the tokenizer sees the
spaces. Ordinary prose has neither: a rule of dashes or a long URL is left alone.
"""

from __future__ import annotations

import re

__all__ = [
    "FILLER",
    "MAX_PUNCT_RUN",
    "MAX_TAG_DEBRIS",
    "MAX_TOKEN",
    "PUNCT_CHUNK",
    "TOKEN_CHUNK",
    "break_runs",
]

MAX_PUNCT_RUN = 64
"""Runs of punctuation or symbols up to this length are left as they are."""
PUNCT_CHUNK = 32
"""A longer run is cut into pieces this long, each ending in a space."""
FILLER = "\u203e"
"""What fills a piece after its first character: OVERLINE, a mark no rule reads and
the tokenizer does not split."""
MAX_TOKEN = 512
"""Stretches without whitespace up to this length are left as they are."""
TOKEN_CHUNK = 256
"""In a longer stretch, every ``TOKEN_CHUNK``-th character becomes a space."""

MAX_TAG_DEBRIS = 32
"""Runs of unclosed tag openings (``<p ``, ``<div ``) up to this many are left alone."""

_TAG_DEBRIS = re.compile(rf"(?:<[A-Za-z!/][\w-]*+\s++){{{MAX_TAG_DEBRIS + 1},}}+")
_PUNCT_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_PUNCT_RUN + 1},}}+")
_LONG_TOKEN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN + 1},}}+")


def _spaced(run: str, every: int) -> str:
    return " ".join(run[i : i + every - 1] for i in range(0, len(run), every)) + (
        " " if len(run) % every == 0 else ""
    )


def _filled(run: str) -> str:
    piece = run[0] + FILLER * (PUNCT_CHUNK - 2) + " "
    return (piece * (len(run) // PUNCT_CHUNK + 1))[: len(run)]


def break_runs(text: str) -> str:
    """``text`` with long punctuation runs, runs of unclosed tag openings and very long
    tokens split by spaces.

    Args:
        text: Any string.

    Returns:
        A string of the same length in which no run of punctuation is longer than
        :data:`MAX_PUNCT_RUN`, no run of unclosed tag openings longer than
        :data:`MAX_TAG_DEBRIS` and no token longer than :data:`MAX_TOKEN`; ``text``
        itself when it has none of them.
    """
    if "<" in text:
        text = _TAG_DEBRIS.sub(lambda m: _filled(m.group()), text)
    if max(map(len, text.split()), default=0) <= MAX_PUNCT_RUN:
        return text  # each run needs a stretch without whitespace this long: none has
    text = _PUNCT_RUN.sub(lambda m: _filled(m.group()), text)
    return _LONG_TOKEN.sub(lambda m: _spaced(m.group(), TOKEN_CHUNK), text)
