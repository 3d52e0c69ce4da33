"""The actors of a sentence: its resolved mentions, plus what pronouns, relative
pronouns and definite descriptions ("the company", "the country") refer to.

Each actor comes with the token that heads it, which :mod:`.arguments` relates to a
trigger.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.context import DocContext
from vaxdiplo.events.lexicon import (
    NOUN_REFERENCES,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    REFERENCE_ADJECTIVES,
    REPORT_VERBS,
)
from vaxdiplo.models import Actor

__all__ = ["antecedent", "is_subject", "sentence_actors"]


def sentence_actors(ctx: DocContext, sent: Span) -> list[tuple[int, Actor, Ent | None]]:
    """Every actor of ``sent`` with its head token and mention (None for a pronoun or a
    reference such as "the country"), made once per sentence (a copy is returned)."""
    found = ctx.sentence_cache.get(("actors", sent.start))
    if found is None:
        found = _sentence_actors(ctx, sent)
        ctx.sentence_cache["actors", sent.start] = found
    return list(found)


def _sentence_actors(ctx: DocContext, sent: Span) -> list[tuple[int, Actor, Ent | None]]:
    out: list[tuple[int, Actor, Ent | None]] = []
    for e in ctx.facts(sent)["ents"]:
        if e.actor is None or e.absorbed or e.kind == "vaccine" or e.dateline:
            continue
        if e.kind == "company" and e.end + 1 < len(ctx.doc) and ctx.doc[e.end].text in ("'s", "’s"):
            nxt = ctx.ent_at.get(e.end + 1)
            if nxt is not None and nxt.kind == "company":
                continue  # "Vingroup's Vinbiocare": the parent only qualifies
        head = ctx.doc[e.start : e.end].root.i if ctx.parsed else e.end - 1
        out.append((head, e.actor, e))
    for i in range(sent.start, sent.end):
        low = ctx.keys[i]
        if low not in _REFERRING or i in ctx.ent_at:
            continue
        tok = ctx.doc[i]
        actor = None
        if low in _FIRST_PERSON and _quoted(ctx, tok):
            actor = _quote_speaker(ctx, sent)  # "I asked him to help us with doses"
        elif low in ("him", "her") and (obj := _object_before(ctx, tok, sent)) is not None:
            actor = obj  # "I thank President Biden because I discussed this with him"
        elif low in PRONOUNS_PERSON:
            speaker = _quote_speaker(ctx, sent) if _quoted(ctx, tok) else None
            # "he told me" inside a quotation: someone other than the speaker
            actor = antecedent(ctx, tok.i, ("person",), other_than=speaker)
        elif low in PRONOUNS_THING:
            actor = _subject_before(ctx, tok, sent) if low in ("its", "their") else None
            if (
                low == "it"
                and ctx.parsed
                and tok.dep_ in ("nsubj", "nsubjpass")
                and ctx.ents_before(tok.i) == ctx.ents_before(sent.start)
            ):  # "Nepal received ... . It has also received": no actor before it here
                actor = _previous_subject(ctx, sent)
            actor = actor or antecedent(
                ctx, tok.i, ("country", "government_body", "international_org", "company")
            )
        elif low in ("which", "who") and tok.i > 0:
            actor = _relative_antecedent(ctx, tok)
        elif (
            low == "country"
            and tok.i > 0
            and fold(ctx.doc[tok.i - 1].text) == "the"
            and ctx.ents.home
        ):
            actor = ctx.home_actor()
        elif low in NOUN_REFERENCES and _after_the(ctx, tok.i):
            actor = antecedent(ctx, tok.i, (NOUN_REFERENCES[low],), same_sentence_ok=True)
        elif low == "side" and tok.i > 0:
            prev = ctx.ent_at.get(tok.i - 1)
            if prev is not None and prev.actor is not None:
                continue
        if actor is not None:
            out.append((tok.i, actor, None))
    return out


_FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
_REFERRING = frozenset(
    {*_FIRST_PERSON, "him", "her", *PRONOUNS_PERSON, *PRONOUNS_THING, "which", "who"}
    | {"country", *NOUN_REFERENCES}
)
"""The words :func:`sentence_actors` can read an actor from (pronouns, "the country",
"the company"): the other tokens of a sentence are not looked at."""
_OPENING = ("\u201c", '"')


def _quoted(ctx: DocContext, tok: Token) -> bool:
    """Inside a quotation: an opening quote mark earlier in the paragraph is not closed."""
    text = ctx.text
    start = text.rfind("\n", 0, tok.idx) + 1
    before = text[start : tok.idx]
    opened = before.count("\u201c") - before.count("\u201d")
    return opened > 0 or (before.count('"') % 2 == 1)


def _quote_speaker(ctx: DocContext, sent: Span) -> Actor | None:
    """Who speaks a quotation: a named person beside a reporting verb in the sentence
    ('..., Macron said'), else the document's home country, whose officials most quotes
    in a story are from."""
    doc = ctx.doc
    for e in ctx.facts(sent)["ents"]:
        if e.actor is None or e.actor.kind != "person" or _quoted(ctx, doc[e.start]):
            continue
        near = doc[max(sent.start, e.start - 3) : min(sent.end, e.end + 3)]
        if any(fold(t.text) in REPORT_VERBS for t in near) and e.actor.party != e.actor.id:
            return e.actor
    return _opener_speaker(ctx, sent) or ctx.home_actor()


def _opener_speaker(ctx: DocContext, sent: Span) -> Actor | None:
    """ "PM Skerrit wrote: “As we enter 2021 ... . I, therefore, request ...”": the
    person introducing the quotation, before its opening mark in the same paragraph."""
    text, doc = ctx.text, ctx.doc
    para = text.rfind("\n", 0, sent.start_char) + 1
    opening = max(text.rfind(q, para, sent.start_char + 1) for q in _OPENING)
    if opening <= para:
        return None
    first, last = ctx.ents_before(ctx.tok(para)), ctx.ents_before(ctx.tok(opening))
    for e in reversed(ctx.ents.ents[first:last]):
        if e.actor is None or e.actor.kind != "person" or e.actor.party == e.actor.id:
            continue
        near = doc[e.end : min(len(doc), e.end + 4)]
        if any(fold(t.text) in REPORT_VERBS for t in near):
            return e.actor
    return None


def _object_before(ctx: DocContext, tok: Token, sent: Span) -> Actor | None:
    """An object pronoun refers to the last person named before it in its sentence who
    is not its subject ("I especially thank President Biden because I discussed this
    issue with him")."""
    if not ctx.parsed:
        return None
    people = [
        e
        for e in ctx.facts(sent)["ents"]
        if e.start < tok.i
        and e.actor is not None
        and e.actor.kind == "person"
        and e.actor.party != e.actor.id  # a person no one can place is no antecedent
        and not e.absorbed
        and not _subject_of(ctx.doc[e.start : e.end].root, tok)
    ]
    return people[-1].actor if people else None


def _subject_of(root: Token, pronoun: Token) -> bool:
    """``root`` is the subject of the pronoun's own verb ("Rajapaksa requested him":
    not him)."""
    return is_subject(root) and root.head.i == pronoun.head.i


def _after_the(ctx: DocContext, i: int) -> bool:
    """ "the company", "the global alliance": a definite description."""
    k = i - 1
    while k >= 0 and i - k <= 3 and fold(ctx.doc[k].text) in REFERENCE_ADJECTIVES:
        k -= 1
    return k >= 0 and fold(ctx.doc[k].text) == "the"


def is_subject(root: Token) -> bool:
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass")


def _relative_antecedent(ctx: DocContext, tok: Token) -> Actor | None:
    """ "the African Vaccine Acquisition Trust (AVAT), which in March signed ...":
    the actor the relative pronoun follows."""
    for e in reversed(ctx.ents.ents[: ctx.ents_before(tok.i)]):
        if e.end > tok.i or e.actor is None or e.absorbed:
            continue
        between = [t.text for t in ctx.doc[e.end : tok.i]]
        if len(between) <= 4 and all(not t.isalpha() or t.isupper() for t in between):
            return e.actor
        return None
    return None


def _subject_before(ctx: DocContext, tok: Token, sent: Span) -> Actor | None:
    """ "China has provided Laos with its ninth shipment": "its" is the subject's."""
    if not ctx.parsed:
        return None
    for e in ctx.facts(sent)["ents"]:
        if e.start >= tok.i or e.actor is None or e.absorbed or e.actor.kind == "person":
            continue
        if ctx.doc[e.start : e.end].root.dep_ in ("nsubj", "nsubjpass"):
            return e.actor
    return None


def _previous_subject(ctx: DocContext, sent: Span) -> Actor | None:
    """The country or body that is the subject of the sentence before."""
    if sent.start == 0:
        return None
    prev = ctx.sentence(sent.start - 1)
    for e in ctx.facts(prev)["ents"]:
        if e.actor is None or e.absorbed or e.actor.kind not in ("country", "government_body"):
            continue
        if ctx.doc[e.start : e.end].root.dep_ in ("nsubj", "nsubjpass"):
            return e.actor
    return None


_NOT_VERBS = frozenset(
    "where who whom which that and or of in to at on for with from by as while when".split()
)


def _linear_subject(ctx: DocContext, end: int) -> bool:
    """Without a parser: a name followed by a lower-case word that may be its verb
    ("Momen held ...", not "Wang Yi where he ...")."""
    if end >= len(ctx.doc):
        return False
    nxt = ctx.doc[end].text
    return nxt[:1].islower() and nxt.isalpha() and fold(nxt) not in _NOT_VERBS


def antecedent(
    ctx: DocContext,
    i: int,
    kinds: tuple[str, ...],
    same_sentence_ok: bool = True,
    other_than: Actor | None = None,
) -> Actor | None:
    """The actor of one of ``kinds`` a reference at token ``i`` points to: for a person,
    the subject of its sentence or of the sentences before; else the last one named
    before it, within about 400 tokens. ``other_than``: a party it cannot be (the
    speaker of the quotation it stands in)."""
    sent_start = ctx.sentence(i).start
    ents = ctx.ents.ents
    in_sent, before = ctx.ents_before(sent_start), ctx.ents_before(i)

    def person(e: Ent) -> bool:
        if e.actor is None or e.actor.kind != "person":
            return False  # in a quotation: a placed person other than the speaker
        return other_than is None or e.actor.party not in (other_than.party, e.actor.id)

    if kinds == ("person",) and ctx.parsed:
        for e in reversed(ents[in_sent:before]):
            if person(e):
                if is_subject(ctx.doc[e.start : e.end].root):
                    return e.actor
        # "He asked Li ...": the subject of the previous sentences, not the last name seen
        for e in reversed(ents[:in_sent]):
            if e.start < sent_start - 120:
                break  # its sentence starts too far back
            if person(e):
                if is_subject(ctx.doc[e.start : e.end].root):
                    if ctx.sentence(e.start).start >= sent_start - 120:
                        return e.actor
                    break
    if kinds == ("person",) and not ctx.parsed:
        for e in reversed(ents[in_sent:before]):
            if person(e) and _linear_subject(ctx, e.end):
                return e.actor
    for e in reversed(ents[:before]):
        if e.start < sent_start - 400:
            break  # its sentence starts too far back, and so do those of all before it
        if e.actor is None or e.absorbed or e.actor.kind not in kinds:
            continue
        if other_than is not None and e.actor.party in (other_than.party, e.actor.id):
            continue
        if not same_sentence_ok and e.start >= sent_start:
            continue
        if ctx.sentence(e.start).start < sent_start - 400:
            continue
        return e.actor
    return None
