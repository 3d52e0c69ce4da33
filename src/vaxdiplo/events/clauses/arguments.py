"""Clause analysis: how an actor of the sentence relates to a trigger.

:func:`arguments` gives, for a trigger token, every actor of its sentence with a
relation label, normalised across constructions so that one role map serves every
phrasing:

========================  ====================================================
label                     meaning (example)
========================  ====================================================
``subj``                  subject of the trigger ("China donated")
``agent``                 passive agent ("was donated by China")
``pass``                  passive subject ("Vietnam was given ...")
``obj`` / ``obj.deep``    object, or an actor inside the object
``obj.poss``              possessor inside the object ("thanked China's help")
``dative``                indirect object ("provide Vietnam with doses")
``poss`` / ``mod``        possessor or modifier of a nominal trigger ("China's
                          donation", "the Chinese donation")
``to``, ``from``, ...     the preposition that introduces the actor; a PP on the
                          object counts for the trigger ("donate doses to Laos")
``up.<label>``            the same relation to a verb that governs the trigger
                          across a nominal, a report or a clause with its own
                          subject ("signed a deal to buy": ``up.subj``)
``speaker``               subject of a reporting verb above the trigger
``thanked``               object of a thanking verb ("thanked China for ...")
``thanker``               subject of a thanking verb above the trigger
``helper``                owner of the help asked for ("sought China's support")
``conj`` / ``appos``      coordinated with or in apposition to the trigger
``self``                  the actor is the trigger
``other``                 none of the above
========================  ====================================================

With a parser the labels come from dependency paths; without one (rules-only mode)
:func:`_linear_relation` reads them from word order.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.events.candidate import Arg
from vaxdiplo.events.clauses.actors import sentence_actors
from vaxdiplo.events.context import DocContext
from vaxdiplo.events.lexicon import (
    AGREEMENT_NOUNS,
    HELP_NOUNS,
    RECEIVE_VERBS,
    REPORT_VERBS,
    REQUEST_WORDS,
    SIGN_VERBS,
    THANK_VERBS,
    TRANSFER_VERBS,
    forms_match,
)

__all__ = ["arguments", "clause_chain", "governing_verb", "relation", "transfer_role"]

_GIVEN_THINGS = frozenset(
    "donation donations gift gifts shipment shipments consignment consignments batch "
    "batches doses vaccines".split()
)
HELP_VERBS = frozenset({"help", "assist", "support", "enable"})
"""A purpose clause whose object benefits from the event ("to help X vaccinate")."""
_NOMINAL_DEPS = frozenset(
    "pobj dobj nsubj nsubjpass attr appos compound poss npadvmod acl relcl amod".split()
)
_LOOSE_PREPS = ("with", "from", "to")


def arguments(ctx: DocContext, sent: Span, anchor: Token) -> list[Arg]:
    """Every actor of ``sent`` with its relation to ``anchor`` (the trigger or the verb
    that governs it)."""
    args = []
    for head, actor, ent in sentence_actors(ctx, sent):
        if ent is not None and (
            _made_in(ctx, ent.end) or _made_before(ctx, ent.start) or _org_of(ctx, ent.start)
        ):
            args.append(Arg(actor, "mod", head, ent))  # "the China-made vaccine": an origin
            continue
        rel = relation(ctx, head, anchor)
        after = ent.end if ent is not None else 0
        if ent is not None and after < len(ctx.doc) and ctx.doc[after].text in ("'s", "\u2019s"):
            after += 1  # "requested Putin's help"
        if ent is not None and after < len(ctx.doc) and fold(ctx.doc[after].text) in HELP_NOUNS:
            if rel not in ("subj", "agent"):
                rel = "helper"  # "a request for Chinese help", "sought China's support"
        args.append(Arg(actor, rel, head, ent))
    return args


_MADE = frozenset("made produced developed manufactured built designed".split())


def _made_in(ctx: DocContext, end: int) -> bool:
    """ "China-made", "Russian-produced": the mention only says where goods come from."""
    doc = ctx.doc
    return end + 1 < len(doc) and doc[end].text == "-" and fold(doc[end + 1].text) in _MADE


def _made_before(ctx: DocContext, start: int) -> bool:
    """ "made in India vaccines", "produced in Russia": the place goods are made."""
    doc = ctx.doc
    return start >= 2 and fold(doc[start - 1].text) == "in" and fold(doc[start - 2].text) in _MADE


def _org_of(ctx: DocContext, start: int) -> bool:
    """ "Sinovac Lifesciences Co Ltd of China": the country a named company is of."""
    if start < 2 or fold(ctx.doc[start - 1].text) != "of":
        return False
    before = ctx.ent_at.get(start - 2)
    return before is not None and before.kind == "company"


def _path_up(tok: Token, top: Token) -> list[Token] | None:
    """The tokens from ``tok`` up to (not including) ``top``, if ``top`` governs it."""
    path = []
    node = tok
    while node.i != node.head.i and node.i != top.i:
        path.append(node)
        node = node.head
    return path if node.i == top.i and path else None


def relation(ctx: DocContext, head: int, trig: Token) -> str:
    """The relation label of the actor headed by token ``head`` to ``trig``."""
    if head == trig.i:
        return "self"
    if not ctx.parsed:
        return _linear_relation(ctx, head, trig)
    tok = ctx.doc[head]
    path = _path_up(tok, trig)  # the actor below the trigger
    if path is not None:
        return _edge(path[-1], path[:-1])
    return _climb(ctx, tok, trig)  # below an ancestor: climb the trigger's chain


def _transparent(dep: str, parent: Token) -> bool:
    """Steps that keep the event's own clause: "signed a deal", "the agreement for"."""
    return (
        (dep == "dobj" and fold(parent.lemma_ or parent.text) in SIGN_VERBS | TRANSFER_VERBS)
        or (dep in ("compound", "amod", "nmod") and fold(parent.text) in AGREEMENT_NOUNS)
        or (
            dep == "pobj"
            and fold(parent.text) in ("for", "on", "of")
            and fold(parent.head.text) in AGREEMENT_NOUNS
        )
        or (dep == "prep" and fold(parent.text) in AGREEMENT_NOUNS)
    )


def _thanking(head: Token) -> bool:
    """ "thanked", "expressed thanks", "conveyed gratitude"."""
    return fold(head.lemma_ or head.text) in THANK_VERBS or any(
        c.dep_ == "dobj" and fold(c.lemma_ or c.text) in THANK_VERBS for c in head.children
    )


def _thanked(head: Token, rel: str, thanked_for: bool) -> bool:
    """ "thanked China for", "expressed thanks to the Government of India for"."""
    if rel == "obj":
        return fold(head.lemma_ or head.text) in THANK_VERBS
    return rel == "to" and thanked_for and _thanking(head)


def _climb(ctx: DocContext, tok: Token, trig: Token) -> str:
    """Relate ``tok`` to the verbs and nouns above ``trig``, noting what is crossed: a
    nominal, a report, a clause with its own subject."""
    climb = trig
    crossed_report = nominal = own_clause = False
    for _ in range(5):
        if climb.i == climb.head.i:
            break
        if climb.pos_ in ("VERB", "AUX") and any(
            ch.dep_ in ("nsubj", "nsubjpass") for ch in climb.children
        ):
            own_clause = True  # "..., while Sinovac has sent ...": its own subject
        dep = climb.dep_
        parent = climb.head
        if not _transparent(dep, parent) and (
            dep in _NOMINAL_DEPS
            or (dep == "prep" and climb.pos_ == "ADP" and parent.pos_ in ("NOUN", "PROPN"))
        ):
            nominal = True
        if dep == "ccomp" or (dep in ("advcl", "conj") and forms_match(parent, REPORT_VERBS)):
            crossed_report = crossed_report or forms_match(parent, REPORT_VERBS) or dep == "ccomp"
        thanked_for = dep == "prep" and fold(climb.text) in ("for", "including")  # "for <event>"
        climb = parent
        path = _path_up(tok, climb)
        if path is None:
            continue
        rel = _edge(path[-1], path[:-1])
        if _thanked(climb, rel, thanked_for):
            return "thanked"
        crossed = crossed_report or nominal or own_clause
        if rel in ("subj", "agent"):
            if forms_match(climb, REPORT_VERBS):
                return "speaker"
            if rel == "subj" and thanked_for and _thanking(climb):
                return "thanker"  # "Nepal thanked India for the gift": the receiving side
            return "up." + rel if crossed else rel
        if not crossed and rel in _LOOSE_PREPS:
            return rel
        return "up." + rel
    return "other"


def _edge(child: Token, below: list[Token]) -> str:
    dep = child.dep_
    if dep in ("nsubj", "csubj", "expl"):
        if below and below[-1].dep_ == "poss" and fold(child.text) in _GIVEN_THINGS:
            return "poss"  # "India's donation of 80,000 vaccines arrived": the giver
        return "subj"
    if dep == "agent":
        return "agent"
    if dep in ("dobj", "attr", "oprd", "nsubjpass"):
        if below and below[-1].dep_ == "poss":
            return "obj.poss" if dep != "nsubjpass" else "pass"
        # "donate 1 million doses of X vaccine to Vietnam": the PP often hangs off the object
        preps = _object_preps(below)
        if preps:  # "a contract for 20 million shots from India": the source, not "for"
            deeper = [w for w in preps[1:] if w in ("to", "from", "with")]
            return deeper[0] if preps[0] == "for" and deeper else preps[0]
        if any(
            n.dep_ in ("prep", "pobj", "appos", "acl", "relcl", "dobj", "npadvmod") for n in below
        ):
            return "obj.deep" if dep != "nsubjpass" else "pass.deep"
        return "obj" if dep != "nsubjpass" else "pass"
    if dep == "dative":
        return "dative" if child.pos_ != "ADP" else fold(child.text)
    if dep == "poss":
        return "poss"
    if (
        dep == "npadvmod"
        and below
        and below[-1].dep_ == "appos"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.head.children)
    ):
        return "subj"  # "JOHANNESBURG — South Africa's President ... called on": a dateline
    if dep in ("compound", "amod", "nmod", "npadvmod", "nummod"):
        return "mod"
    if dep == "prep":
        word = fold(child.text)
        if word in ("for", "of", "on") and any(
            n.dep_ == "prep" and fold(n.text) == "with" for n in below
        ):
            return "with"  # "agreements for the production of X with companies from Y"
        if word in ("as", "under"):
            inner = next(
                (n for n in below if n.dep_ == "prep" and fold(n.text) in ("to", "for")), None
            )
            if inner is not None:
                return fold(inner.text)  # "send doses as a gift to Pakistan"
        if word == "with":
            place = next(
                (n for n in below if n.dep_ == "prep" and fold(n.text) in _PLACE_PREPS), None
            )
            if place is not None:  # "meetings with his counterparts at a conference in Uzbekistan"
                return fold(place.text)
        return "agent" if word == "by" else word
    if dep in ("ccomp", "xcomp") and below and below[-1].dep_ in ("nsubj", "nsubjpass"):
        return "obj"  # "proposed WHO accelerate ...", "urged Pfizer to ..."
    if dep in ("xcomp", "advcl") and below:
        inner = _edge(below[-1], below[:-1])
        if inner in ("obj", "conj") and fold(child.lemma_ or child.text) in HELP_VERBS:
            return "to"  # "donate vaccines to help the Cook Islands, Niue and Tokelau"
    if dep == "xcomp" and below:
        inner = _edge(below[-1], below[:-1])
        if inner == "obj" and fold(child.lemma_ or child.text) in TRANSFER_VERBS:
            return "dative"  # "promised to provide Vietnam with doses"
        if inner in ("to", "from", "for", "with", "dative"):
            return inner
    if dep == "appos":
        return "appos"
    if dep == "conj":
        return "conj"
    return "other"


_PLACE_PREPS = frozenset({"in"})
"""Prepositions that make whatever lies below them a place."""

_OBJECT_PATH = frozenset("prep pobj compound amod nummod det acl xcomp relcl dobj".split())


def _object_preps(below: list[Token]) -> list[str]:
    """The prepositions on the path down an object, nearest the verb first, while the
    path stays inside the object ("donate 1 million doses of X vaccine to Vietnam")."""
    preps = []
    for node in reversed(below):
        if node.dep_ == "prep" and fold(node.text) in ("to", "from", "for", "with"):
            preps.append(fold(node.text))
        elif node.dep_ not in _OBJECT_PATH:
            break
    return preps


_LINEAR_BOUNDS = frozenset({",", ";", "that", "which", "who", "where", "when", "whereas"})
"""Words that open another clause between an actor and a later trigger."""


def _linear_relation(ctx: DocContext, head: int, trig: Token) -> str:
    if head < trig.i:
        between = ctx.keys[head + 1 : trig.i]
        thanked = _linear_thanks(ctx, head, trig, between)
        if thanked is not None:
            return thanked
        if between and between[0] in ("'s", "'") and len(between) <= 3:
            return "poss"
        if any(w in REPORT_VERBS for w in between) and "that" in between:
            return "speaker"
        if _apposition_then_verb(between):
            return "subj"  # "Sinovac, a Chinese company, sold doses to Chile"
        if _subject_list(ctx, head, trig):
            return "subj"  # "Denmark, the Netherlands, Norway and Sweden all pledged"
        if any(w in _LINEAR_BOUNDS for w in between) and len(between) > 3:
            return "other"
        if len(between) <= 3 and between and between[-1] in ("-", "'s"):
            return "mod"
        return "subj" if len(between) < 12 else "other"
    words = ctx.keys[trig.i + 1 : head]
    if "," in words and _reports_after(ctx, head):
        return "speaker"  # "Russia will supply vaccines to Laos, Vietnam's minister said"
    preps = ("to", "from", "with", "by", "for", "in", "at", "on", "between", "of", "upon")
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w in preps and 0 < k < len(words) - 1 and words[k - 1] == words[k + 1] == "-":
            continue  # "ready-to-use": no preposition
        if w in preps:
            return "agent" if w == "by" else w
        if w == "," and _listed(ctx, trig.i + 1 + k, head):
            continue  # "to Bhutan, Maldives, Bangladesh and Nepal": one list
        if w in (",", ";", "that"):
            break
    if len(words) <= 2:
        return "obj"
    return "other"


_SUBJECT_LIST_GLUE = frozenset({",", "and", "the", "all", "both", "also", "have", "has"})


def _subject_list(ctx: DocContext, head: int, trig: Token) -> bool:
    """Only other listed actors and list words lie between ``head`` and the verb."""
    span = range(head + 1, trig.i)
    rest = [i for i in span if i not in ctx.ent_at and ctx.keys[i] not in _SUBJECT_LIST_GLUE]
    listed = any(i in ctx.ent_at for i in span)
    return listed and not rest


def _apposition_then_verb(between: list[str]) -> bool:
    """ "X, a Chinese company, sold": an apposition set off by commas, then the verb."""
    if len(between) < 3 or between[0] != "," or "," not in between[1:]:
        return False
    inner = between[1 : len(between) - 1 - between[::-1].index(",")]
    rest = between[len(between) - between[::-1].index(",") :]
    return len(rest) <= 2 and not set(inner) & (REPORT_VERBS | {"which", "who", "that"})


def _reports_after(ctx: DocContext, head: int) -> bool:
    """A reporting verb follows the actor ("..., Vietnam's foreign minister said")."""
    doc = ctx.doc
    after = doc[head + 1 : min(len(doc), head + 5)]
    return any(forms_match(t, REPORT_VERBS) for t in after) and not any(
        t.text in (",", ";") for t in after[:1]
    )


def _listed(ctx: DocContext, comma: int, head: int) -> bool:
    """Between the comma and the actor there are only listed actors: "A, B and C"."""
    for i in range(comma + 1, head):
        if i in ctx.ent_at or ctx.keys[i] in (",", "and", "the"):
            continue
        return False
    return comma > 0 and (comma - 1) in ctx.ent_at


_NEW_CLAUSE = REQUEST_WORDS | REPORT_VERBS
_THANK_GLUE = frozenset(
    {"to", "the", "government", "people", "of", "sincere", "deep", "his", "her"}
)


def _linear_thanks(ctx: DocContext, head: int, trig: Token, between: list[str]) -> str | None:
    """Without a parser: "Nepal thanked India for", "Nepal expressed thanks to India for"."""
    if "for" not in between:
        return None  # the event is what the thanks are for
    tail = [*between[between.index("for") :], fold(trig.text)]
    if any(w == "and" and nxt in _NEW_CLAUSE for w, nxt in pairwise(tail)):
        return None  # "thanked China for its help and asked ...": another clause
    before = ctx.keys[max(0, head - 5) : head]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in THANK_VERBS:
            if all(w in _THANK_GLUE for w in before[k + 1 :]):
                return "thanked"
            break
    hits = [k for k, w in enumerate(between) if w in THANK_VERBS]
    if hits and hits[0] <= 2 and "for" in between[hits[0] :]:
        return "thanker"
    return None


def clause_chain(trig: Token) -> list[Token]:
    """The trigger and the verbs/nouns that govern it without crossing a report."""
    chain = [trig]
    node = trig
    if trig.dep_ == "acl" and trig.head.dep_ == "dobj" and trig.head.head.pos_ == "VERB":
        return [trig, trig.head, trig.head.head]  # "sent a letter requesting ...": the sending
    for _ in range(5):
        if node.i == node.head.i or node.dep_ in ("ccomp", "relcl", "acl"):
            break
        node = node.head
        chain.append(node)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in (
            "xcomp",
            "advcl",
            "conj",
            "pcomp",
            "acl",
        ):
            break
    return chain


def governing_verb(trig: Token) -> Token:
    node = trig
    for _ in range(6):
        if node.i == node.head.i:
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("acl", "amod"):
            return node
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else trig


def transfer_role(ctx: DocContext, trig: Token, role: str) -> str:
    """Subject of "received raw materials" is the recipient; of "handed over", the provider."""
    verb = trig
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.i == verb.head.i:
            break
        verb = verb.head
    receiving = fold(verb.lemma_ or verb.text) in RECEIVE_VERBS or fold(verb.text) in RECEIVE_VERBS
    if not ctx.parsed:
        before = set(ctx.keys[max(0, trig.i - 6) : trig.i])
        receiving = bool(before & RECEIVE_VERBS)
    if role == "giver":
        return "recipient" if receiving else "provider"
    return "provider" if receiving else "recipient"
