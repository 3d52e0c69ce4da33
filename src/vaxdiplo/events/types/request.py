"""What a request asks for: supplies (``SupplyRequest``), technology
(``TechTransferRequest``) or both. Rules of type ``Request`` are resolved here, by the
words the request governs; both request types share the filler in this module.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.attributes import recent_vaccine
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import participle_by
from vaxdiplo.events.context import DocContext, Site
from vaxdiplo.events.lexicon import STRONG_SUPPLY, SUPPLY_WORDS, VACCINE_WORDS
from vaxdiplo.events.roles import vaccine_owner
from vaxdiplo.models import Actor

__all__ = ["fill_request", "reject_request", "request_types"]

_CALL_FORMS = ("called", "calls", "call", "calling")
_ASK_FORMS = ("asked", "asks", "ask", "asking")
_ASKED_OTHERWISE = ("reporters", "journalists", "anonymity", "not", "about", "questions")
_OFFER_FORMS = frozenset("proposed proposes propose proposing suggested".split())
_PRESS = frozenset({"anonymity", "reporters", "journalists"})
_TECH_ASKS = frozenset(
    {"technology", "technologies", "tech", "know-how", "licence", "license", "licensing"}
    | {"waive", "waiver", "trips", "patent", "patents", "intellectual"}
)
_PRODUCTION_ASKS = frozenset(
    "production produce manufacture manufacturing producing coproduction co-production "
    "co-produce co-producing coproduce plant plants factory factories".split()
)
_SHARE_VERBS = frozenset(
    "share sharing provide providing supply supplying send sending receive receiving give "
    "giving".split()
)
_DOSE_NOUNS = frozenset({"vaccines", "doses", "jabs", "shots"})
_MATERIALS = frozenset(
    {"substance", "bulk", "concentrate", "ingredient", "ingredients", "materials"}
)
_SUPPLY_OVER_TRANSFER = frozenset(
    {"doses", "delivery", "deliveries", "priority", "receive", "shipment"}
)
_PLAIN_ASKS = ("sought", "seek", "seeks", "seeking", "appealed", "requested", "request")
_ADDRESSED_WITH_TO = frozenset(
    "appeal appealed appeals plead pleaded write wrote written turn turned".split()
)
_LETTER_WORDS = frozenset({"letter", "letters", "wrote", "written", "writes", "write"})
_GRANTED_AT = frozenset({"at", "following", "upon", "after", "of"})
_SEEK_FORMS = ("seek", "seeks", "seeking", "sought")


_SCOPE_ENDS = frozenset({"amid", "\u2014", "\u2013", ";", "while", "despite", "whereas"})
"""Words after which a sentence goes on about the circumstances, not what was asked
("called on rich countries to follow suit at a time of short supplies of vaccines")."""


def _rest(ctx: DocContext, trig: Token, sent: Span) -> list[Token]:
    """The rest of the sentence after ``trig``, up to where it turns to circumstances."""
    out: list[Token] = []
    for t in ctx.doc[trig.i + 1 : sent.end]:
        low = fold(t.text)
        if low in _SCOPE_ENDS or (
            low == "at" and t.i + 2 < sent.end and fold(t.nbor(2).text) == "time"
        ):
            break
        out.append(t)
    return out


def _scope(ctx: DocContext, trig: Token, sent: Span) -> list[Token]:
    """The words the request governs (the rest of the sentence without a parser)."""
    if not ctx.parsed:
        return _rest(ctx, trig, sent)
    if trig.pos_ == "NOUN" and set(ctx.keys[max(sent.start, trig.i - 4) : trig.i]) & _GRANTED_AT:
        return list(sent)  # "will donate 100,000 doses at Namibia's request": what was asked
    if fold(trig.text) in _CALL_FORMS or trig.pos_ == "NOUN":
        return _rest(ctx, trig, sent)
    return [t for t in trig.subtree if t.i > trig.i] or _rest(ctx, trig, sent)


def _asks_supply_despite_tech(words: list[str]) -> bool:
    """ "share the technology" is technology; "continue sharing vaccines" is supply."""
    return any(
        w in _SHARE_VERBS and set(words[k + 1 : k + 4]) & _DOSE_NOUNS for k, w in enumerate(words)
    )


def request_types(ctx: DocContext, trig: Token, sent: Span) -> list[str]:
    """The request types ``trig`` announces, by what it asks for."""
    scope = _scope(ctx, trig, sent)
    words = [fold(t.text) for t in scope]
    if fold(trig.text) in _ASK_FORMS and words[:1] and words[0] in _ASKED_OTHERWISE:
        return []
    if fold(trig.text) in ("proposal", "proposals") and _offered(ctx, trig, sent):
        return []  # "has offered Dhaka co-production ... conveyed the proposal": an offer
    types = _asked_for(ctx, trig, scope, words)
    if not types and _own_request(ctx, trig) and sent.start > 0:
        prev = ctx.sentence(sent.start - 1)  # "... a vaccine factory in Cambodia ... . I hope
        scope = list(prev)  # he will forward my request to President Xi"
        types = _asked_for(ctx, trig, scope, [fold(t.text) for t in scope])
    if not types and fold(trig.text) in _IMPLICIT_ASKS:
        # "he had lobbied the WHO chief on a trip": what was asked is the sentence's aim
        scope = list(sent)
        types = _asked_for(ctx, trig, scope, [fold(t.text) for t in scope])
    return types


_OFFERED = frozenset({"offered", "offer", "offers", "offering"})


def _offered(ctx: DocContext, trig: Token, sent: Span) -> bool:
    """An offer in the proposal's sentence, or, for "the proposal", in the one before."""
    words = {fold(t.text) for t in sent}
    if trig.i > 0 and fold(ctx.doc[trig.i - 1].text) == "the" and sent.start > 0:
        words |= {fold(t.text) for t in ctx.sentence(sent.start - 1)}
    return bool(words & _OFFERED)


def _own_request(ctx: DocContext, trig: Token) -> bool:
    """ "my request", "our request": a request told in the sentence before."""
    return trig.i > 0 and fold(ctx.doc[trig.i - 1].text) in ("my", "our")


_NOT_ASKED_FOR = frozenset("refund refunds reimbursement export exports exporting".split())
"""Asks about vaccines that ask for no vaccines: money back, leave to export."""
_IMPLICIT_ASKS = frozenset("lobbied lobby lobbies lobbying approached petitioned".split())
"""Asks whose object is the one asked, not the thing asked for."""
_VACCINE_TECH = frozenset({"mrna"})


def _asked_for(ctx: DocContext, trig: Token, scope: list[Token], words: list[str]) -> list[str]:
    """The request types by the words ``scope`` holds."""
    wordset = set(words)
    if fold(trig.text) in _OFFER_FORMS and wordset & {"donation", "donate", "donating", "gift"}:
        return []  # "we proposed the vaccine donation": an offer, not a request
    if wordset & _PRESS and not (wordset & VACCINE_WORDS):
        return []
    if set(words[:5]) & _NOT_ASKED_FOR:
        return []  # "asked Russia for a refund", "SII's request to export ... doses"
    has_vaccine = bool(wordset & (VACCINE_WORDS | _VACCINE_TECH)) or any(
        (e := ctx.ent_at.get(t.i)) is not None and e.vaccine is not None for t in scope
    )
    tech = bool(wordset & _TECH_ASKS) or (bool(wordset & _PRODUCTION_ASKS) and has_vaccine)
    supply_words = wordset & SUPPLY_WORDS
    supply = has_vaccine and bool(supply_words - {"production", "produce"})
    supply = supply or _asks_supply_despite_tech(words)  # "requesting the EU share vaccines"
    if tech and not (supply_words & STRONG_SUPPLY):
        supply = _asks_supply_despite_tech(words)
    if wordset & _MATERIALS:
        supply, tech = False, True  # material for local production is technology
    if tech and "transfer" in wordset and not (wordset & _SUPPLY_OVER_TRANSFER):
        supply = False
    types = []
    if tech:
        types.append("TechTransferRequest")
    if supply:
        types.append("SupplyRequest")
    if not types and has_vaccine and wordset & {"vaccines", "vaccine", "doses"} and not tech:
        if fold(trig.text) in _PLAIN_ASKS:
            types.append("SupplyRequest")
    return types


def reject_request(site: Site) -> bool:
    """ "seeking to make vaccines": an aim, not a request."""
    ctx, rule, trig = site.ctx, site.rule, site.trig
    if rule.type == "Request" and participle_by(ctx, trig):
        return True  # "raw materials sought by vaccine manufacturers": told elsewhere
    return (
        rule.type == "Request"
        and fold(trig.text) in _SEEK_FORMS
        and trig.i + 1 < len(ctx.doc)
        and fold(ctx.doc[trig.i + 1].text) == "to"
    )


_RECEIVE_FORMS = frozenset("received receives receiving receive got gets getting".split())


def _received_request(site: Site, c: Candidate, args: list[Arg]) -> bool:
    """ "Japan has received a request for vaccines from Vietnam": whoever receives the
    request is asked, and whoever it comes from asks."""
    doc, trig = site.ctx.doc, site.trig
    before = site.ctx.keys[max(site.sent.start, trig.i - 3) : trig.i]
    if trig.pos_ == "VERB" or not (set(before) & _RECEIVE_FORMS):
        return False
    askers = [a.actor for a in args if a.token > trig.i and _after_from(doc, a)]
    receivers = [a.actor for a in args if a.rel in ("subj", "up.subj") and a.token < trig.i]
    if not receivers:
        return False
    if not askers:  # "received several requests ... from neighbouring countries": no party
        c.roles["requester"], c.roles["addressee"] = [], receivers[:1]
        c.trace.append(f"addressee {receivers[0].party} <- received; no requester named")
        return True
    c.roles["requester"] = askers[:1]
    c.roles["addressee"] = receivers[:1]
    c.trace.append(f"requester {askers[0].party}, addressee {receivers[0].party} <- received from")
    return True


def _at_the_request_of(site: Site, c: Candidate, args: list[Arg]) -> bool:
    """ "China is going to send ... doses to Bangladesh at the request of the government":
    whoever the request is "of" asks, and the subject of the sentence is asked."""
    doc, trig = site.ctx.doc, site.trig
    before = site.ctx.keys[max(site.sent.start, trig.i - 2) : trig.i]
    if trig.pos_ == "VERB" or before[-1:] != ["the"] or before[:1] not in (["at"], ["upon"]):
        return False
    if trig.i + 1 >= len(doc) or fold(doc[trig.i + 1].text) != "of":
        return False
    of = [a.actor for a in args if a.ent is not None and trig.i + 1 < a.ent.start <= trig.i + 4]
    if not of:
        return False
    subjects = [a.actor for a in args if a.rel in ("subj", "up.subj")]
    receivers = [a.actor for a in args if a.rel in ("to", "up.to")]
    if of[0].kind == "government_body" and receivers and of[0].party in {s.party for s in subjects}:
        of = receivers[:1]  # "send ... to Bangladesh at the request of the government"
    asked = [s for s in subjects if s.party != of[0].party]
    c.roles["requester"] = of[:1]
    c.roles["addressee"] = asked[:1]
    c.trace.append(f"requester {of[0].party} <- 'at the request of'")
    return True


def _named_right_before(site: Site, args: list[Arg]) -> Actor | None:
    """The actor whose name ends right before the trigger (a closing bracket between)."""
    doc, trig = site.ctx.doc, site.trig
    end = trig.i - 1 if trig.i > 0 and doc[trig.i - 1].text == ")" else trig.i
    for a in args:
        if a.ent is not None and a.ent.end == end and a.actor.kind != "vaccine":
            return a.actor
    return None


def _after_from(doc, a: Arg) -> bool:
    start = a.ent.start if a.ent is not None else a.token
    return start > 0 and fold(doc[start - 1].text) == "from"


def _asked_from(site: Site, c: Candidate, args: list[Arg]) -> None:
    """ "its request for 500 thousand doses of Sputnik V from Russia": "from" after what
    is asked for names whom it is asked of ("a request from Paraguay" names who asks)."""
    doc, trig = site.ctx.doc, site.trig
    for a in args:
        if a.rel not in ("from", "up.from", "for") or a.token <= trig.i or not _after_from(doc, a):
            continue
        between = set(site.ctx.keys[trig.i + 1 : a.token])
        if "for" not in between or between & {",", ";"}:
            continue  # the request's own words, not a later clause ("..., there had been")
        c.roles["requester"] = [r for r in c.roles.get("requester", []) if r is not a.actor]
        if not c.roles.get("addressee"):
            c.roles["addressee"] = [a.actor]
            c.trace.append(f"addressee {a.actor.party} <- 'from' after what is asked for")


def _subject_of_next_verb(ctx, a: Arg, trig) -> bool:
    """The actor's mention is directly followed by a finite verb: it opens a clause of
    its own rather than joining a list."""
    end = a.ent.end if a.ent is not None else a.token + 1
    nxt = ctx.doc[end] if end < len(ctx.doc) else None
    return nxt is not None and nxt.i != trig.i and nxt.tag_ in ("VBD", "VBZ", "VBP")


def fill_request(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """A person speaking or asking requests when no state does; the addressee is not
    the requester."""
    ctx, trig, sent = site.ctx, site.trig, site.sent
    if c.vaccine is None and c.type == "TechTransferRequest":
        c.vaccine = recent_vaccine(ctx, sent)
    if ctx.parsed and len(c.roles.get("requester") or []) > 1:
        subjects = {
            a.actor.party
            for a in args
            if a.rel in ("agent", "up.agent") and _subject_of_next_verb(ctx, a, trig)
        }
        kept = [a for a in c.roles["requester"] if a.party not in subjects]
        if kept:  # "was made by Paraguay and EAM responded positively": EAM answers
            c.roles["requester"] = kept
    after = ctx.keys[trig.i + 1 : min(sent.end, trig.i + 3)]
    by_own = after[:1] == ["by"] or after[:2] == ["made", "by"]
    if by_own:  # "the vaccines were sent following a request by the South American country",
        speakers = {a.actor.party for a in args if a.rel == "speaker"}  # the speaker said
        own = [a for a in c.roles.get("requester") or [] if a.party not in speakers]
        if len(own) < len(c.roles.get("requester") or []):
            c.roles["requester"] = own
            c.trace.append("requester: the request names its own, not the speaker")
    if not c.roles.get("requester") and not by_own:
        persons = [
            a.actor
            for a in args
            if a.actor.kind == "person" and a.rel in ("up.subj", "speaker", "subj", "up.appos")
        ]
        if persons:
            c.roles["requester"] = [persons[0]]
    if _at_the_request_of(site, c, args):
        by_own = True
    if not c.roles.get("requester") and not by_own:
        right_before = _named_right_before(site, args)
        if right_before is not None:  # "Doctors Without Borders (MSF) called again on"
            c.roles["requester"] = [right_before]
            c.trace.append(f"requester {right_before.party} <- named right before the request")
    if not _received_request(site, c, args):
        _asked_from(site, c, args)
    req = c.first("requester")
    if not c.roles.get("addressee") and fold(trig.lemma_ or trig.text) in _ADDRESSED_WITH_TO:
        to = [
            a.actor for a in args if a.rel == "to" and (req is None or a.actor.party != req.party)
        ]
        if to:
            c.roles["addressee"] = to[:1]  # "appealed to her Indian counterpart", "wrote to"
            c.trace.append(f"addressee {to[0].party} <- 'to' of {trig.text!r}")
    if not c.roles.get("addressee") and site.facts["words"] & _LETTER_WORDS:
        to = [
            a.actor
            for a in args
            if a.rel in ("to", "up.to", "dative", "up.dative", "up.obj", "up.obj.deep")
            and a.actor.kind != "company"
            and (req is None or a.actor.party != req.party)
        ]
        if to:  # "wrote to Prime Minister Narendra Modi asking ...", "sent X a letter"
            c.roles["addressee"] = to[:1]
            c.trace.append(f"addressee {to[0].party} <- whom the letter is to")
    owner = vaccine_owner(ctx, vent, args)
    if (
        not c.roles.get("addressee")
        and owner is not None
        and (req is None or owner.party != req.party)
    ):
        c.roles["addressee"] = [owner]  # "their request for the supply of Russia's Sputnik V"
        c.trace.append(f"addressee {owner.party} <- owner of the vaccine asked for")
    adds = [a for a in c.roles.get("addressee", []) if req is None or a.party != req.party]
    if adds:
        c.roles["addressee"] = adds
    elif "addressee" in c.roles:
        del c.roles["addressee"]
