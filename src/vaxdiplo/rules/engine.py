"""From resolved mentions to events: triggers, role filling, dates, quantities, merging.

For every trigger match in a sentence (``triggers.json``) the finder

1. checks the sentence context (a vaccine named, doses, no negation, no modality or
   plan for the event types where a plan is not an event);
2. relates every actor of the sentence to the trigger through the dependency parse
   (``subj``, ``obj``, ``agent``, the preposition that introduces it, ``poss``,
   ``mod``, ``speaker`` for the subject of a reporting verb) or, without a parser,
   through word order;
3. fills the rule's roles from those relations, then from the vaccine's owner
   ("China's Sinopharm"), the vaccine's maker, and the document's home country where
   the sentence leaves a role implicit;
4. attaches a date (the one the trigger governs; the reporting verb's for pledges and
   requests; never the publication date by default), doses and money;

and merges the candidates that are one real-world event into one event with several
evidence sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from vaxdiplo._text import fold
from vaxdiplo.dates import DateMention, find_dateline, find_dates
from vaxdiplo.linking import VACCINE_NOUNS, DocEntities, Ent
from vaxdiplo.models import (
    EVENT_CLASSES,
    Actor,
    Evidence,
    Money,
    Vaccine,
)
from vaxdiplo.quantities import find_doses, find_money
from vaxdiplo.registry import load_registry
from vaxdiplo.rules.base import TriggerRule, load_rules

__all__ = ["Candidate", "EventFinder", "find_events"]

# -- word lists -----------------------------------------------------------------------
NEGATIONS = frozenset("not n't never no neither nor".split())
NEGATING_VERBS = frozenset(
    "denied deny denies refused refuses refuse rejected rejects reject failed fails "
    "declined declines halted suspended postponed cancelled canceled delayed".split()
)
MODALS = frozenset("may might could would should can must shall".split())
PLAN_WORDS = frozenset(
    "plan plans planned planning expected expects expect considering consider considers "
    "hopes hope hoping intends intend intending aims aim aiming set scheduled due wants "
    "want seeks seeking likely ready willing able tasked mandated charged negotiating "
    "negotiate negotiations talks discussing discuss mulling weighing preparing prepare "
    "prepares ask asking proposed propose promised promise pledged pledge urged urge "
    "requested request called invited capable potential possible possibility future "
    "if unless whether hoped submitted submit applied apply application awaiting pending "
    "required reviewing review asked urged urging appealed sought".split()
)
GIFT_NOUNS = frozenset("gift gifts donation donations aid grant present".split())
ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "latest last".split()
)
HELP_NOUNS = frozenset("help support assistance cooperation aid backing".split())
AGREE_VERBS = frozenset("agree sign decide commit begin start undertake".split())
CONTENT_VERBS = frozenset(
    "accelerate speed expedite ensure facilitate promote support discuss boost increase resume "
    "negotiate prioritise prioritize seek hasten step expand".split()
)
REQUEST_WORDS = frozenset(
    "ask asked asking proposed propose urged urge urging requested request called invited seeks "
    "seeking sought appealed".split()
)
REPORT_VERBS = frozenset(
    "say said says announce announced announces tell told tells report reported reports "
    "note noted notes add added adds confirm confirmed confirms state stated states "
    "declare declared declares reveal revealed reveals tweet tweeted write wrote inform "
    "informed disclose disclosed quote quoted".split()
)
TECH_WORDS = frozenset(
    "technology technologies tech know-how transfer transferring production produce "
    "producing manufacture manufacturing manufacturer licence license licensing "
    "fill-and-finish hub centre center centers centres factory plant facility "
    "research".split()
)
SUPPLY_WORDS = frozenset(
    "doses dose supply supplies supplying priority access receive receiving delivery "
    "deliveries deliver delivering shipment shipments batch batches allocation "
    "allocations provide providing share sharing purchase purchases buy buying procure "
    "procurement donate donation donations sources source".split()
)
STRONG_SUPPLY = frozenset(
    "doses delivery deliveries shipment shipments batch batches priority allocation "
    "allocations supplies".split()
)
VACCINE_WORDS = VACCINE_NOUNS | frozenset({"vaccination", "covax", "immunization"})
GIFT_WORDS = frozenset(
    "donated donation donations donate donating gift gifts gifted aid assistance grant "
    "granted free-of-charge free donor donors".split()
)
PURCHASE_WORDS = frozenset(
    "purchased purchase purchases bought buy ordered order procured procurement contract "
    "contracted commercial".split()
)
CUMULATIVE_WORDS = frozenset("total cumulative so-far far date".split())
PRODUCTION_WORDS = frozenset(
    "production produce producing manufacture manufacturing bottling fill finish locally "
    "local packaging filling package fill-and-finish filled packaged bottled".split()
)
AGREEMENT_NOUNS = frozenset(
    "agreement agreements contract contracts deal deals memorandum mou partnership".split()
)
SIGN_VERBS = frozenset(
    "sign signed signs ink inked seal sealed conclude concluded reach reached enter entered "
    "strike struck clinch clinched have had finalise finalize finalised finalized".split()
)
TRANSFER_VERBS = frozenset(
    "hand handed transfer transferred provide provided supply supplied send sent ship shipped "
    "deliver delivered give gave grant granted receive received get got obtain obtained "
    "import imported".split()
)
RECEIVE_VERBS = frozenset(
    "receive received get got obtain obtained import imported take took accept accepted".split()
)
COMPANY_NOUNS = frozenset(
    "drugmaker company firm manufacturer maker producer pharmaceutical developer".split()
)
THANK_VERBS = frozenset("thank thanked thanks appreciate appreciated praise praised".split())
DOER_ROLE = {
    "DonationPledge": "donor",
    "Delivery": "supplier",
    "TechTransfer": "provider",
    "PurchaseAgreement": "seller",
    "Approval": "authority",
}
PARTICIPANT_RELS = frozenset(
    {
        "subj",
        "obj",
        "with",
        "between",
        "conj",
        "appos",
        "up.subj",
        "speaker",
        "agent",
        "poss",
        "dative",
        "up.with",
        "up.obj",
        "pass",
        "up.agent",
        "mod",
        "up.conj",
    }
)
DIRECT_RELS = frozenset(
    {
        "subj",
        "obj",
        "with",
        "between",
        "conj",
        "pass",
        "agent",
        "dative",
        "poss",
        "mod",
        "appos",
        "self",
    }
)
LOCATION_RELS = frozenset({"in", "at", "during", "about", "on", "regarding", "over", "amid"})

PRONOUNS_PERSON = frozenset("he she him her his".split())
PRONOUNS_THING = frozenset("it its they their them".split())
NOUN_REFERENCES = {
    "company": "company",
    "firm": "company",
    "drugmaker": "company",
    "manufacturer": "company",
    "producer": "company",
    "developer": "company",
    "organisation": "international_org",
    "organization": "international_org",
    "agency": "international_org",
    "facility": "international_org",
}
KEY_ROLE = {
    "Approval": "authority",
    "DonationPledge": "donor",
    "Delivery": "recipient",
    "SupplyRequest": "requester",
    "TechTransferRequest": "requester",
    "TechTransfer": "recipient",
    "PurchaseAgreement": "buyer",
}
ROLE_ORDER = {
    "PhoneCall": ("participants",),
    "Meeting": ("participants", "location"),
    "Approval": ("authority",),
    "DonationPledge": ("donor", "recipient"),
    "Delivery": ("supplier", "recipient"),
    "SupplyRequest": ("requester", "addressee"),
    "TechTransferRequest": ("requester", "addressee"),
    "TechTransfer": ("provider", "recipient"),
    "PurchaseAgreement": ("buyer", "seller"),
}
NO_DOSES = frozenset({"PhoneCall", "Meeting", "Approval", "TechTransferRequest"})
WITH_MONEY = frozenset({"DonationPledge", "PurchaseAgreement"})
# Event types whose date may come from the reporting verb ("said on Tuesday it will donate").
REPORT_DATED = frozenset({"DonationPledge", "SupplyRequest", "TechTransferRequest"})
FUTURE_OK = frozenset({"DonationPledge"})


@dataclass
class Arg:
    """An actor of a sentence and its relation to a trigger."""

    actor: Actor
    rel: str
    token: int
    ent: Ent | None = None


@dataclass
class Candidate:
    """An event under construction, with how each part was found."""

    type: str
    rule: str
    trigger: str
    sent_starts: list[int]
    roles: dict[str, Any] = field(default_factory=dict)
    vaccine: Vaccine | None = None
    doses: int | None = None
    money: Money | None = None
    date: dt.date | None = None
    date_conflict: bool = False
    approval: str = "unspecified"
    channel: str = "unspecified"
    confidence: float = 0.8
    evidence: list[tuple[int, int]] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)
    weak: bool = False
    anaphoric: bool = False
    trigger_dep: str = ""
    weak_roles: set[str] = field(default_factory=set)
    """Roles filled from the document rather than the sentence (overridable)."""
    trigger_i: int = -1

    def copy(self) -> Candidate:
        """An independent copy (roles, trace, evidence and weak roles are not shared)."""
        return Candidate(
            **{
                **self.__dict__,
                "roles": dict(self.roles),
                "trace": list(self.trace),
                "evidence": list(self.evidence),
                "sent_starts": list(self.sent_starts),
                "weak_roles": set(self.weak_roles),
            }
        )

    def party(self, role: str) -> str | None:
        value = self.roles.get(role)
        if isinstance(value, Actor):
            return value.party
        return None

    def parties(self) -> set[str]:
        return {a.party for a in self.roles.get("participants", [])}


def _forms_match(tok: Token, words: frozenset[str]) -> bool:
    return fold(tok.text) in words or tok.lemma_.lower() in words


_AGENCY = re.compile(r"^\s*\(?\s*(?:[A-Z][A-Za-z]+|[A-Z]{2,})\s*\)?\s*(?:--|-|–|—|:)")
_CITY_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'-]{2,}\s*[,/–—-]\s*(?:[A-Z][a-z]{2}\w*,?\s*)?$")


_PLACE_AFTER = re.compile(
    r"\s+(?:City|Street|Road|Avenue|Square|Bridge|Stadium|University|Hospital|Park)\b"
)


def _dateline_like(text: str, start: int, end: int) -> bool:
    """A date that dates the article, not an event: "PHNOM PENH, Aug. 20 (Xinhua) --",
    "CAIRO – 1 July 2021:", "Jakarta / Wed, March 10, 2021", "Published: 31 Jul 2021"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if _AGENCY.match(after) and (not before.strip() or _CITY_BEFORE.search(before)):
        return True
    if _CITY_BEFORE.search(before) and (after.strip()[:1] in ("(", ":", "-", "–", "—", "|", "")):
        return True
    line = text[line_start:line_end].strip()
    words = re.findall(r"[a-z]+", line)
    return len(line) < 70 and not (
        set(words)
        - {
            "published",
            "updated",
            "posted",
            "at",
            "on",
            "am",
            "pm",
            "gmt",
            "ict",
            "utc",
            "by",
            "wed",
            "thu",
        }
    )


class EventFinder:
    """Finds events in a linked ``Doc``; holds the compiled trigger rules."""

    def __init__(self, vocab, rules: tuple[TriggerRule, ...] | None = None) -> None:
        self.rules = {r.id: r for r in (rules or load_rules())}
        self.matcher = Matcher(vocab)
        self._plain = Matcher(vocab)
        for rule in self.rules.values():
            self.matcher.add(rule.id, [rule.pattern])
            self._plain.add(rule.id, [self._strip_pos(rule.pattern)])
        self.registry = load_registry()
        by_maker: dict[str, list] = {}
        for v in self.registry.vaccines:
            if v.maker:
                by_maker.setdefault(v.maker, []).append(v)
        # a maker with one main product stands for it ("a deal with CanSino")
        self.makers = {m: vs[0] for m, vs in by_maker.items() if len(vs) == 1}
        for m, vs in by_maker.items():
            main = [v for v in vs if v.id.replace("-", "") in m.lower().replace("_", "")]
            if len(vs) > 1 and len(main) == 1:
                self.makers[m] = main[0]

    @staticmethod
    def _strip_pos(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for spec in pattern:
            spec = {k: v for k, v in spec.items() if k not in ("POS", "TAG", "ENT_TYPE", "DEP")}
            out.append(spec or {"IS_ALPHA": True})
        return out

    def __call__(self, doc: Doc, ents: DocEntities, published: dt.date | None) -> list[Candidate]:
        return _DocRun(self, doc, ents, published).run()


class _DocRun:
    def __init__(
        self, finder: EventFinder, doc: Doc, ents: DocEntities, published: dt.date | None
    ) -> None:
        self.f = finder
        self.doc = doc
        self.ents = ents
        self.published = published
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("TAG")
        self.ent_at: dict[int, Ent] = {}
        for e in ents.ents:
            for i in range(e.start, e.end):
                self.ent_at.setdefault(i, e)
        self._sent_cache: dict[int, dict[str, Any]] = {}
        line = find_dateline(doc.text)
        self.dateline = (line[1], line[2]) if line else (-1, -1)

    # -- sentence facts ------------------------------------------------------------
    def facts(self, sent: Span) -> dict[str, Any]:
        key = sent.start
        if key not in self._sent_cache:
            text = sent.text
            base = sent.start_char
            dates = find_dates(text, self.published)
            doses = [self._recount(q, text) for q in find_doses(text)]
            money = find_money(text)
            self._sent_cache[key] = {
                "dates": [
                    (self._tok(base + d.start), d)
                    for d in dates
                    if not (self.dateline[0] <= base + d.start < self.dateline[1])
                    and not _dateline_like(self.doc.text, base + d.start, base + d.end)
                    and not _PLACE_AFTER.match(self.doc.text, base + d.end)
                ],
                "doses": [(self._tok(base + q.start), q) for q in doses],
                "money": [(self._tok(base + m.start), m) for m in money],
                "words": {fold(t.text) for t in sent},
                "ents": [e for e in self.ents.ents if sent.start <= e.start < sent.end],
            }
        return self._sent_cache[key]

    @staticmethod
    def _recount(q: Any, text: str) -> Any:
        """ "A total of 1,113,600 doses ... landed" is the shipment's size, not a running
        total, unless the sentence also says so ("so far", "to date", "bringing")."""
        if "combined" in text[max(0, q.start - 12) : q.start].lower():
            from dataclasses import replace

            return replace(q, cumulative=True)  # "a combined 65 million doses from A and B"
        if not q.cumulative or "total of" not in text[max(0, q.start - 12) : q.start].lower():
            return q
        low = text.lower()
        if any(
            cue in low
            for cue in ("so far", "to date", "bringing", "since", "in total", "altogether")
        ):
            return q
        from dataclasses import replace

        return replace(q, cumulative=False)

    def _tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    # -- actors in a sentence ----------------------------------------------------------
    def sentence_actors(self, sent: Span) -> list[tuple[int, Actor, Ent | None]]:
        out: list[tuple[int, Actor, Ent | None]] = []
        for e in self.facts(sent)["ents"]:
            if e.actor is None or e.absorbed or e.kind == "vaccine":
                continue
            if (
                e.kind == "company"
                and e.end + 1 < len(self.doc)
                and self.doc[e.end].text in ("'s", "’s")
            ):
                nxt = self.ent_at.get(e.end + 1)
                if nxt is not None and nxt.kind == "company":
                    continue  # "Vingroup's Vinbiocare": the parent only qualifies
            head = self.doc[e.start : e.end].root.i if self.parsed else e.end - 1
            out.append((head, e.actor, e))
        for tok in sent:
            if tok.i in self.ent_at:
                continue
            low = fold(tok.text)
            actor = None
            if low in PRONOUNS_PERSON:
                actor = self._antecedent(tok.i, ("person",))
            elif low in PRONOUNS_THING:
                actor = self._subject_before(tok, sent) if low in ("its", "their") else None
                actor = actor or self._antecedent(
                    tok.i, ("country", "government_body", "international_org", "company")
                )
            elif low in ("which", "who") and tok.i > 0:
                actor = self._relative_antecedent(tok)
            elif (
                low == "country"
                and tok.i > 0
                and fold(self.doc[tok.i - 1].text) == "the"
                and self.ents.home
            ):
                actor = self._home_actor()
            elif low in NOUN_REFERENCES and tok.i > 0 and fold(self.doc[tok.i - 1].text) == "the":
                actor = self._antecedent(tok.i, (NOUN_REFERENCES[low],), same_sentence_ok=True)
            elif low == "side" and tok.i > 0:
                prev = self.ent_at.get(tok.i - 1)
                if prev is not None and prev.actor is not None:
                    continue
            if actor is not None:
                out.append((tok.i, actor, None))
        return out

    @staticmethod
    def _is_subject(root: Token) -> bool:
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        return root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass")

    def _relative_antecedent(self, tok: Token) -> Actor | None:
        """ "the African Vaccine Acquisition Trust (AVAT), which in March signed ...":
        the actor the relative pronoun follows."""
        for e in reversed(self.ents.ents):
            if e.end > tok.i or e.actor is None or e.absorbed:
                continue
            between = [t.text for t in self.doc[e.end : tok.i]]
            if len(between) <= 4 and all(not t.isalpha() or t.isupper() for t in between):
                return e.actor
            return None
        return None

    def _subject_before(self, tok: Token, sent: Span) -> Actor | None:
        """ "China has provided Laos with its ninth shipment": "its" is the subject's."""
        if not self.parsed:
            return None
        for e in self.facts(sent)["ents"]:
            if e.start >= tok.i or e.actor is None or e.absorbed or e.actor.kind == "person":
                continue
            if self.doc[e.start : e.end].root.dep_ in ("nsubj", "nsubjpass"):
                return e.actor
        return None

    def _home_actor(self) -> Actor | None:
        home = self.ents.home
        if not home or home not in self.f.registry.country_ids:
            return None
        cn = self.f.registry.country(home)
        return Actor(kind="country", name=cn.name, id=cn.id, country=cn.id, party=cn.id)

    def _antecedent(
        self, i: int, kinds: tuple[str, ...], same_sentence_ok: bool = True
    ) -> Actor | None:
        sent_start = self.doc[i].sent.start
        if kinds == ("person",) and self.parsed:
            here = [
                e
                for e in self.ents.ents
                if sent_start <= e.start < i
                and e.actor is not None
                and e.actor.kind == "person"
                and self._is_subject(self.doc[e.start : e.end].root)
            ]
            if here:
                return here[-1].actor
            # "He asked Li ...": the subject of the previous sentences, not the last name seen
            subjects = [
                e
                for e in self.ents.ents
                if e.start < sent_start
                and e.actor is not None
                and e.actor.kind == "person"
                and self._is_subject(self.doc[e.start : e.end].root)
            ]
            if subjects and self.doc[subjects[-1].start].sent.start >= sent_start - 120:
                return subjects[-1].actor
        best = None
        for e in self.ents.ents:
            if e.start >= i:
                break
            if e.actor is None or e.absorbed or e.actor.kind not in kinds:
                continue
            if not same_sentence_ok and e.start >= sent_start:
                continue
            if self.doc[e.start].sent.start < sent_start - 400:
                continue
            best = e.actor
        return best

    # -- relations ------------------------------------------------------------------------
    def relation(self, head: int, trig: Token) -> str:
        if head == trig.i:
            return "self"
        if not self.parsed:
            return self._linear_relation(head, trig)
        tok = self.doc[head]
        # actor below the trigger
        path = []
        node = tok
        while node.i != node.head.i and node.i != trig.i:
            path.append(node)
            node = node.head
        if node.i == trig.i and path:
            return self._edge(path[-1], path[:-1])
        # actor below an ancestor of the trigger: climb the trigger's chain
        climb = trig
        crossed_report = False
        nominal = False
        own_clause = False
        for _ in range(5):
            if climb.i == climb.head.i:
                break
            if climb.pos_ in ("VERB", "AUX") and any(
                ch.dep_ in ("nsubj", "nsubjpass") for ch in climb.children
            ):
                own_clause = True  # "..., while Sinovac has sent ...": its own subject
            dep = climb.dep_
            parent = climb.head
            transparent = (
                (
                    dep == "dobj"
                    and fold(parent.lemma_ or parent.text) in SIGN_VERBS | TRANSFER_VERBS
                )
                or (dep in ("compound", "amod", "nmod") and fold(parent.text) in AGREEMENT_NOUNS)
                or (
                    dep == "pobj"
                    and fold(parent.text) in ("for", "on", "of")
                    and fold(parent.head.text) in AGREEMENT_NOUNS
                )
                or (dep == "prep" and fold(parent.text) in AGREEMENT_NOUNS)
            )
            if not transparent and (
                dep
                in (
                    "pobj",
                    "dobj",
                    "nsubj",
                    "nsubjpass",
                    "attr",
                    "appos",
                    "compound",
                    "poss",
                    "npadvmod",
                    "acl",
                    "relcl",
                    "amod",
                )
                or (dep == "prep" and climb.pos_ == "ADP" and parent.pos_ in ("NOUN", "PROPN"))
            ):
                nominal = True
            if dep == "ccomp" or (dep in ("advcl", "conj") and _forms_match(parent, REPORT_VERBS)):
                crossed_report = (
                    crossed_report or _forms_match(parent, REPORT_VERBS) or dep == "ccomp"
                )
            climb = parent
            node, path = tok, []
            while node.i != node.head.i and node.i != climb.i:
                path.append(node)
                node = node.head
            if node.i == climb.i and path:
                rel = self._edge(path[-1], path[:-1])
                if rel == "obj" and fold(climb.lemma_ or climb.text) in THANK_VERBS:
                    return "thanked"
                if rel in ("subj", "agent"):
                    if _forms_match(climb, REPORT_VERBS):
                        return "speaker"
                    if crossed_report or nominal or own_clause:
                        return "up." + rel
                    return rel
                if (
                    not nominal
                    and not crossed_report
                    and not own_clause
                    and rel in ("with", "from", "to")
                ):
                    return rel
                return "up." + rel
        return "other"

    def _edge(self, child: Token, below: list[Token]) -> str:
        dep = child.dep_
        if dep in ("nsubj", "csubj", "expl"):
            return "subj"
        if dep == "agent":
            return "agent"
        if dep in ("dobj", "attr", "oprd", "nsubjpass"):
            if below and below[-1].dep_ == "poss":
                return "obj.poss" if dep != "nsubjpass" else "pass"
            # "donate 1 million doses of X vaccine to Vietnam": the PP often hangs off the object
            for node in reversed(below):
                if node.dep_ == "prep" and fold(node.text) in ("to", "from", "for", "with"):
                    return fold(node.text)
                if node.dep_ not in (
                    "prep",
                    "pobj",
                    "compound",
                    "amod",
                    "nummod",
                    "det",
                    "acl",
                    "xcomp",
                    "relcl",
                    "dobj",
                ):
                    break
            if any(
                n.dep_ in ("prep", "pobj", "appos", "acl", "relcl", "dobj", "npadvmod")
                for n in below
            ):
                return "obj.deep" if dep != "nsubjpass" else "pass.deep"
            return "obj" if dep != "nsubjpass" else "pass"
        if dep == "dative":
            return "dative" if child.pos_ != "ADP" else fold(child.text)
        if dep == "poss":
            return "poss"
        if dep in ("compound", "amod", "nmod", "npadvmod", "nummod"):
            return "mod"
        if dep == "prep":
            word = fold(child.text)
            if word in ("for", "of", "on") and any(
                n.dep_ == "prep" and fold(n.text) == "with" for n in below
            ):
                return "with"  # "agreements for the production of X with companies from Y"
            return "agent" if word == "by" else word
        if dep in ("ccomp", "xcomp") and below and below[-1].dep_ in ("nsubj", "nsubjpass"):
            return "obj"  # "proposed WHO accelerate ...", "urged Pfizer to ..."
        if dep == "xcomp" and below:
            inner = self._edge(below[-1], below[:-1])
            if inner == "obj" and fold(child.lemma_ or child.text) in TRANSFER_VERBS:
                return "dative"  # "promised to provide Vietnam with doses"
            if inner in ("to", "from", "for", "with", "dative"):
                return inner
        if dep == "appos":
            return "appos"
        if dep == "conj":
            return "conj"
        return "other"

    def _linear_relation(self, head: int, trig: Token) -> str:
        doc = self.doc
        if head < trig.i:
            between = [fold(t.text) for t in doc[head + 1 : trig.i]]
            if between and between[0] in ("'s", "'") and len(between) <= 3:
                return "poss"
            if any(w in REPORT_VERBS for w in between) and "that" in between:
                return "speaker"
            if any(w in (",", ";", "that", "which", "who") for w in between) and len(between) > 3:
                return "other"
            if len(between) <= 3 and between and between[-1] in ("-", "'s"):
                return "mod"
            return "subj" if len(between) < 12 else "other"
        words = [fold(t.text) for t in doc[trig.i + 1 : head]]
        preps = ("to", "from", "with", "by", "for", "in", "at", "on", "between", "of", "upon")
        for w in reversed(words):
            if w in preps:
                return "agent" if w == "by" else w
            if w in (",", ";", "that", "and") and w != "and":
                break
        if len(words) <= 2:
            return "obj"
        return "other"

    # -- checks ------------------------------------------------------------------------------
    def negated_or_modal(self, trig: Token, sent: Span, etype: str) -> str | None:
        doc = self.doc
        start = max(sent.start, trig.i - 7)
        # month names ("May 14") and names ("Will") are not modals: keep their capitals
        window = [
            fold(t.text)
            if not (t.text[:1].isupper() and fold(t.text) in MODALS | {"will"})
            else t.text
            for t in doc[start : trig.i]
        ]
        # stop at a clause boundary
        for k in range(len(window) - 1, -1, -1):
            if window[k] in (",", ";", ":", "that", "which", "while", "after", "before", "as"):
                window = window[k + 1 :]
                break
        if any(w in NEGATIONS for w in window):
            return "negated"
        if any(fold(t.text) in NEGATING_VERBS for t in doc[sent.start : trig.i]):
            return "negated"  # "denied that ... had met", "refused reports that it asked"
        if self.parsed:
            for child in trig.children:
                if child.dep_ == "neg":
                    return "negated"
        after = [fold(t.text) for t in doc[trig.i + 1 : min(sent.end, trig.i + 3)]]
        if after[:1] == ["not"]:
            return "negated"
        if any(w in MODALS for w in window):
            if not (etype in FUTURE_OK and "would" in window):
                return "modal"
        if etype not in FUTURE_OK and ("will" in window or "'ll" in window):
            if etype not in ("TechTransfer",):
                return "future"
        if (len(window) >= 1 and window[-1] == "to") or window[-2:] == ["to", "be"]:
            if etype in ("Delivery", "Approval", "PurchaseAgreement", "Meeting", "PhoneCall"):
                if not (set(window) & {"agreed", "signed", "deal", "agreement", "contract"}):
                    return "plan"
        if self.parsed and trig.pos_ in ("NOUN", "PROPN"):
            node = trig
            for _ in range(4):
                if node.i == node.head.i:
                    break
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    auxes = {
                        fold(c.text) for c in node.children if c.dep_ in ("aux", "auxpass", "neg")
                    }
                    if node.dep_ == "xcomp":
                        auxes.add("to")
                    if auxes & NEGATIONS:
                        return "negated"
                    if auxes & MODALS or (auxes & {"will", "'ll"} and etype not in FUTURE_OK):
                        return "future"
                    if _forms_match(node, PLAN_WORDS) and etype not in (
                        "Request",
                        "PhoneCall",
                        "Meeting",
                    ):
                        return "plan"
                    agreed = fold(node.head.lemma_ or node.head.text) in AGREE_VERBS and etype in (
                        "TechTransfer",
                        "PurchaseAgreement",
                    )
                    if etype in ("Delivery", "PurchaseAgreement", "TechTransfer", "Approval") and (
                        ("to" in auxes and not agreed) or _forms_match(node, CONTENT_VERBS)
                    ):
                        return "plan"  # "urging the company to accelerate delivery of vaccines"
                    break
        if etype == "Meeting" and window[-1:] == ["in"]:
            return "plan"  # "still in talks with": negotiations under way
        plan = [w for w in window if w in PLAN_WORDS]
        if etype == "Request":
            plan = [w for w in plan if w not in REQUEST_WORDS]
        if etype == "DonationPledge":
            plan = [w for w in plan if w not in ("promised", "pledged", "promise", "pledge")]
        if plan:
            return "plan"
        return None

    def needs_ok(self, rule: TriggerRule, trig: Token, sent: Span, facts: dict[str, Any]) -> bool:
        words = facts["words"]
        ents = facts["ents"]
        has_vaccine = (
            any(e.vaccine is not None for e in ents)
            or bool(words & VACCINE_WORDS)
            or any(e.actor is not None and e.actor.id in self.f.makers for e in ents)
        )
        for need in rule.needs:
            if need == "person":
                if not any(e.actor is not None and e.actor.kind == "person" for e in ents):
                    return False
            elif need == "actor_arg":
                if not any(e.actor is not None and not e.absorbed for e in ents):
                    return False
            elif need == "vaccine":
                if not has_vaccine:
                    return False
                if trig.i + 3 <= sent.end:
                    nxt = {fold(t.text) for t in self.doc[trig.i + 1 : min(sent.end, trig.i + 4)]}
                    if nxt & {
                        "plan",
                        "budget",
                        "purchase",
                        "procurement",
                        "funding",
                        "resolution",
                        "proposal",
                        "decree",
                        "law",
                        "bill",
                        "import",
                        "imports",
                        "list",
                    }:
                        if not any(
                            e.vaccine is not None for e in ents if trig.i < e.start <= trig.i + 4
                        ):
                            return False
            elif need == "approval_context":
                if not (
                    words
                    & {
                        "emergency",
                        "use",
                        "approval",
                        "authorisation",
                        "authorization",
                        "eua",
                        "granted",
                        "received",
                        "gave",
                        "given",
                        "regulator",
                        "licence",
                        "license",
                        "registration",
                    }
                ):
                    return False
            elif need == "vaccine_or_money":
                if not (has_vaccine or facts["money"] or facts["doses"]):
                    return False
            elif need == "pledge_noun_context":
                if not (
                    words
                    & {
                        "pledge",
                        "pledged",
                        "donation",
                        "donations",
                        "announced",
                        "commitment",
                        "contribute",
                        "gift",
                        "offered",
                        "made",
                        "donate",
                        "thanked",
                        "welcomed",
                    }
                ):
                    return False
            elif need == "doses_or_vaccine":
                if not (has_vaccine or facts["doses"]):
                    return False
            elif need == "object_vaccine":
                if not self._object_is_vaccine(trig, sent):
                    return False
            elif need == "delivery_object":
                if not self._object_is_vaccine(trig, sent, before_ok=True):
                    return False
            elif need == "delivery_noun_context":
                if not (
                    words
                    & {
                        "arrived",
                        "arrives",
                        "landed",
                        "received",
                        "receives",
                        "reached",
                        "handed",
                        "delivered",
                        "took",
                        "welcomed",
                        "arrival",
                        "came",
                        "transported",
                        "flown",
                        "transferred",
                        "land",
                        "lands",
                        "provided",
                        "sent",
                        "shipped",
                    }
                ):
                    return False
            elif need == "production_context":
                if not (words & PRODUCTION_WORDS):
                    return False
            elif need == "agreement_made":
                if not (
                    words
                    & {
                        "signed",
                        "signs",
                        "sign",
                        "inked",
                        "sealed",
                        "reached",
                        "entered",
                        "struck",
                        "agreed",
                        "clinched",
                        "concluded",
                        "agreement",
                        "contracted",
                        "finalised",
                        "finalized",
                        "amendment",
                    }
                ):
                    return False
            elif need == "no_tech":
                if words & {
                    "technology",
                    "tech",
                    "licence",
                    "license",
                    "licensing",
                    "manufacture",
                    "manufacturing",
                    "locally",
                    "produce",
                    "production",
                    "fill-and-finish",
                    "fill",
                    "finish",
                    "filling",
                }:
                    return False
            elif need == "no_future":
                if words & {"aims", "aim", "target", "hopes", "plans"}:
                    return False
            elif need == "object_person":
                if (
                    rule.host
                    and rule.anchor > 0
                    and {fold(t.text) for t in self.doc[max(sent.start, trig.i - 8) : trig.i]}
                    & VACCINE_WORDS
                ):
                    return False  # "the vaccines were received by the minister": a handover
                near = range(trig.i + 1, min(sent.end, trig.i + 6))
                if not any(
                    (e := self.ent_at.get(i)) is not None
                    and (
                        e.kind == "person"
                        or (e.actor is not None and e.actor.kind == "person")
                        or e.kind == "title"
                    )
                    for i in near
                ):
                    return False
            elif need == "meet_partner":
                pass  # checked once the arguments are related (see build)
            elif need == "specific_gift":
                if not (
                    any(e.vaccine is not None for e in ents)
                    or facts["doses"]
                    or facts["money"]
                    or any(e.actor is not None and e.actor.id in self.f.makers for e in ents)
                ):
                    return False
            elif need == "doses_near":
                near = range(max(sent.start, trig.i - 8), min(sent.end, trig.i + 7))
                if not (
                    any(i in near for i, _ in facts["doses"])
                    or any(
                        (e := self.ent_at.get(i)) is not None and e.vaccine is not None
                        for i in near
                    )
                ):
                    return False
            elif need == "no_gift":
                if words & GIFT_WORDS:
                    return False
        return True

    def _object_is_vaccine(self, trig: Token, sent: Span, before_ok: bool = False) -> bool:
        doc = self.doc
        end = min(sent.end, trig.i + 14)
        lo = max(sent.start, trig.i - 12) if before_ok else trig.i + 1
        for t in doc[lo:end]:
            low = fold(t.text)
            if low in VACCINE_WORDS or low in ("batch", "shipment", "consignment", "vials"):
                return True
            e = self.ent_at.get(t.i)
            if e is not None and e.vaccine is not None:
                return True
        return False

    # -- choosing a date, doses, money, vaccine -------------------------------------------------
    def _chain(self, trig: Token) -> list[Token]:
        """The trigger and the verbs/nouns that govern it without crossing a report."""
        chain = [trig]
        node = trig
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

    def pick_date(
        self, cand_type: str, trig: Token, sent: Span, facts: dict[str, Any]
    ) -> tuple[dt.date | None, str]:
        dates: list[tuple[int, DateMention]] = facts["dates"]
        if not dates:
            return None, "none"
        doc = self.doc
        if not self.parsed:
            before = [fold(t.text) for t in doc[sent.start : trig.i]]
            if "had" in before[-4:]:
                return None, "past-perfect"
            best = min(dates, key=lambda d: abs(d[0] - trig.i))
            return best[1].value, f"nearest {best[1].text!r}"
        chain = self._chain(trig)
        chain_ids = {t.i for t in chain}
        attached, reported = [], []
        for tok_i, d in dates:
            node = doc[tok_i]
            for _ in range(14):
                if node.i in chain_ids:
                    attached.append(d)
                    break
                if node.pos_ in ("VERB", "AUX") and node.i != tok_i:
                    if _forms_match(node, REPORT_VERBS):
                        reported.append((node, d))
                        break
                    if node.dep_ not in ("acl", "amod", "advcl") or node.i == node.head.i:
                        break
                if node.i == node.head.i:
                    break
                node = node.head
        dated = [d for d in attached if d.value is not None]
        if dated:
            return dated[0].value, f"governed {dated[0].text!r}"
        if attached and not (reported and cand_type in REPORT_DATED):
            d = attached[0]
            return None, f"governed {d.text!r}"
        if not reported:
            for tok_i, d in dates:
                near = doc[max(sent.start, tok_i - 3) : min(sent.end, tok_i + 1)]
                verbs = [t for t in near if _forms_match(t, REPORT_VERBS)]
                if verbs:
                    reported.append((verbs[-1], d))
        if reported:
            node, d = reported[0]
            aux = {fold(c.text) for c in trig.children if c.dep_ in ("aux", "auxpass")}
            if "had" in aux:
                return None, f"past perfect under {node.text!r}"
            if (
                cand_type in REPORT_DATED
                or cand_type in ("PhoneCall", "Meeting")
                or aux & {"has", "have", "been", "will"}
            ):
                return d.value, f"report {d.text!r}"
            return None, f"report only {d.text!r}"
        days = [d for _, d in dates if d.value is not None]
        if len(dates) == 1 and days and not any(_forms_match(t, REPORT_VERBS) for t in sent):
            return days[0].value, f"only date in the sentence {days[0].text!r}"
        if cand_type in ("PhoneCall", "Meeting"):
            free = [d for d in days if d not in {r[1] for r in reported}]
            if len(free) == 1:
                return free[0].value, f"the visit's date {free[0].text!r}"
        return None, "unattached"

    def pick_quantity(self, items: list[tuple[int, Any]], trig: Token) -> Any:
        """The quantity the trigger governs: the first one after it ("received 141,600
        doses, the first consignment of the 13 million ordered"), else the nearest before."""
        good = [
            (i, q)
            for i, q in items
            if not getattr(q, "cumulative", False) and not self._rate(q, trig.sent)
        ]
        if not good:
            return None
        after = [(i, q) for i, q in good if i > trig.i]
        if after and (after[0][0] - trig.i <= 12 or not [x for x in good if x[0] < trig.i]):
            return after[0][1]
        return min(good, key=lambda x: (abs(x[0] - trig.i), x[0]))[1]

    def _rate(self, q: Any, sent: Span) -> bool:
        """ "3 million doses a month" is a capacity, not a quantity of the event."""
        after = sent.text[q.end : q.end + 14].lower()
        return after.lstrip().startswith(
            (
                "a month",
                "per month",
                "a year",
                "per year",
                "a day",
                "per day",
                "a week",
                "per week",
                "monthly",
                "annually",
            )
        )

    def pick_vaccines(self, trig: Token, facts: dict[str, Any]) -> list[Ent]:
        vs = [
            e
            for e in facts["ents"]
            if e.vaccine is not None
            and not (
                {fold(t.text) for t in self.doc[max(0, e.start - 6) : e.start]}
                & {"beyond", "besides", "unlike", "instead", "except", "apart"}
            )
        ]
        if not vs:
            return []
        vs.sort(key=lambda e: abs(e.start - trig.i))
        return vs

    # -- main loop ----------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        matcher = self.f.matcher if self.tagged else self.f._plain
        matches = matcher(self.doc)
        seen: set[tuple[str, int]] = set()
        cands: list[Candidate] = []
        for match_id, start, end in matches:
            rule = self.f.rules[self.doc.vocab.strings[match_id]]
            if rule.rules_only and self.tagged:
                continue
            idx = start + rule.anchor if rule.anchor >= 0 else end + rule.anchor
            trig = self.doc[idx]
            if (rule.type, trig.i) in seen:
                continue
            inside = self.ent_at.get(trig.i)
            if (
                inside is not None
                and inside.kind in ("company", "international_org", "government_body", "group")
                and inside.end - inside.start > 1
            ):
                continue  # "Holding Company for Biological Products": a name, not a trigger
            seen.add((rule.type, trig.i))
            cands.extend(self.candidates(rule, trig))
        return self.merge(self.dedupe_sentences(cands))

    def dedupe_sentences(self, cands: list[Candidate]) -> list[Candidate]:
        """Several triggers of one type in one sentence usually name one event: keep the
        best-filled candidate, unless the others differ in an explicit role or quantity."""
        appositive = {(c.type, c.sent_starts[0]) for c in cands if c.trigger_dep not in ("appos",)}
        cands = [
            c
            for c in cands
            if not (c.trigger_dep == "appos" and (c.type, c.sent_starts[0]) in appositive)
        ]  # "received 141,600 doses, the first consignment of the 13 million ordered"
        out: list[Candidate] = []
        for c in cands:
            twin = next(
                (
                    o
                    for o in out
                    if o.type == c.type
                    and o.sent_starts == c.sent_starts
                    and o.trigger_i != c.trigger_i
                    and self._same_sentence_event(o, c)
                ),
                None,
            )
            if twin is None:
                out.append(c)
            elif self._filled(c) > self._filled(twin):
                out[out.index(twin)] = c
        return out

    def _same_sentence_event(self, a: Candidate, b: Candidate) -> bool:
        if a.doses is not None and b.doses is not None and a.doses != b.doses:
            return False
        if a.vaccine and b.vaccine and a.vaccine.id != b.vaccine.id:
            return False
        if a.type in ("PhoneCall", "Meeting"):
            return True
        for role in ROLE_ORDER[a.type]:
            if role in a.weak_roles or role in b.weak_roles:
                continue
            pa, pb = self._state(a.party(role)), self._state(b.party(role))
            if pa is not None and pb is not None and pa != pb:
                return False
        return True

    @staticmethod
    def _filled(c: Candidate) -> float:
        n = 0.0
        for role in ROLE_ORDER[c.type]:
            v = c.roles.get(role)
            if v:
                n += 0.5 if role in c.weak_roles else 1.0
        return (
            n
            + (c.vaccine is not None) * 0.5
            + (c.doses is not None) * 0.5
            + (c.date is not None) * 0.25
        )

    def candidates(self, rule: TriggerRule, trig: Token) -> list[Candidate]:
        sent = trig.sent
        facts = self.facts(sent)
        if not self.needs_ok(rule, trig, sent, facts):
            return []
        types = [rule.type]
        if rule.type == "Request":
            types = self.request_types(trig, sent)
            if not types:
                return []
        out = []
        if (
            rule.type == "PhoneCall"
            and trig.i > 0
            and fold(self.doc[trig.i - 1].text) in ("video", "virtual", "online", "zoom")
        ):
            return []  # a video call is a Meeting
        for etype in types:
            mood = self.negated_or_modal(trig, sent, rule.type if rule.type == "Request" else etype)
            if mood is not None:
                continue
            if etype == "TechTransfer" and not self.tech_transfer_ok(trig, sent, facts):
                continue
            if etype == "DonationPledge" and (
                self.cumulative_context(trig, sent) or self._attributive(trig)
            ):
                continue
            if etype == "Delivery" and {fold(t.text) for t in self.doc[trig.i + 1 : trig.i + 4]} & (
                AGREEMENT_NOUNS
                | {
                    "consensus",
                    "target",
                    "record",
                    "milestone",
                    "peak",
                    "level",
                    "out",
                    "full",
                    "capacity",
                    "agreement",
                }
            ):
                continue  # "reached an agreement", "reached a record"
            if etype == "Approval" and fold(
                self.doc[trig.i + 1].text if trig.i + 1 < len(self.doc) else ""
            ) in ("production", "manufacturing", "producer", "manufacturer", "plant"):
                continue  # "licensed production" is not an authorisation of use
            if (
                etype == "Approval"
                and self.parsed
                and trig.dep_ == "acl"
                and any(c.dep_ == "amod" and fold(c.text) in ORDINALS for c in trig.head.children)
            ):
                continue  # "the third vaccine cleared for use after X and Y": earlier approvals
            if etype == "Approval" and self.cumulative_context(trig, sent):
                continue  # "has been registered in 60 countries so far"
            if etype == "Delivery" and self._vaccination_not_delivery(trig, sent, facts):
                continue  # "35% of Chileans have received at least one dose"
            if etype == "Delivery" and facts["words"] & {"technology", "know-how", "technologies"}:
                continue  # "transferred the technology to make the vaccine": a TechTransfer
            if etype == "DonationPledge" and self._reduced_relative(trig):
                continue  # "the doses Washington has promised": a reference to a pledge
            if (
                etype == "DonationPledge"
                and self.parsed
                and trig.dep_ == "relcl"
                and {fold(c.text) for c in trig.children if c.dep_ == "aux"}
                & {"has", "have", "had"}
            ):
                continue  # "the doses Washington has promised": a reference to a pledge
            if etype == "Delivery" and self._reduced_relative(trig):
                continue  # "following the 616,000 doses Japan provided in July"
            if etype == "Delivery" and self._production_materials(facts):
                continue  # bulk or technology for local production: a TechTransfer
            if etype == "Delivery" and (
                self.cumulative_context(trig, sent) or self._undated_perfect(trig, sent, facts)
            ):
                continue
            if etype == "DonationPledge" and self._past_gift(trig, sent):
                continue
            if (
                etype == "DonationPledge"
                and trig.i > 0
                and fold(self.doc[trig.i - 1].text)
                in ("earlier", "previous", "prior", "original", "initial")
            ):
                continue  # "tripling an earlier pledge": a reference, not a new pledge
            if (
                rule.type == "Request"
                and fold(trig.text) in ("seek", "seeks", "seeking", "sought")
                and (trig.i + 1 < len(self.doc) and fold(self.doc[trig.i + 1].text) == "to")
            ):
                continue  # "seeking to make vaccines": an aim, not a request
            if etype in ("DonationPledge", "PurchaseAgreement") and (
                self._production_materials(facts) or facts["words"] & {"technology", "know-how"}
            ):
                continue  # technology or bulk for local production: a TechTransfer
            out.extend(self.build(rule, etype, trig, sent, facts))
        return out

    def _vaccination_not_delivery(self, trig: Token, sent: Span, facts: dict[str, Any]) -> bool:
        after = [fold(t.text) for t in self.doc[trig.i + 1 : min(sent.end, trig.i + 6)]]
        if "dose" in after or "shot" in after or "jab" in after:
            return not facts["doses"]
        return bool(facts["words"] & {"%", "percent"}) and not facts["doses"]

    @staticmethod
    def _production_materials(facts: dict[str, Any]) -> bool:
        words = facts["words"]
        if words & {"bulk", "concentrate", "substance", "ingredient", "ingredients"}:
            return True  # only made for local filling and production
        materials = {
            "bulk",
            "concentrate",
            "materials",
            "ingredient",
            "ingredients",
            "substance",
            "documentation",
            "lines",
            "know-how",
        }
        return bool(words & materials) and bool(words & PRODUCTION_WORDS)

    def _undated_perfect(self, trig: Token, sent: Span, facts: dict[str, Any]) -> bool:
        """ "1.2 million doses have arrived": a running total, not a shipment."""
        before = [fold(t.text) for t in self.doc[max(sent.start, trig.i - 4) : trig.i]]
        if not ({"has", "have"} & set(before)):
            return False
        if facts["words"] & {"since", "already", "total", "altogether", "far"}:
            return True
        return any(q.approximate for _, q in facts["doses"])

    def _past_gift(self, trig: Token, sent: Span) -> bool:
        """ "China has earlier gifted 15 million doses", "the largest such gift": past gifts
        recalled in passing, not pledges."""
        words = [fold(t.text) for t in sent]
        recalled = {"earlier", "previously", "already"} & set(words)
        past = any(w in ("gifted", "donated") for w in words)
        return bool(recalled and past) or ("such" in words and fold(trig.text) in GIFT_NOUNS)

    def _reduced_relative(self, trig: Token) -> bool:
        """ "doses Washington has promised", "the vaccines China had pledged"."""
        j = trig.i - 1
        if j >= 0 and fold(self.doc[j].text) in ("has", "have", "had"):
            j -= 1
        elif not fold(trig.text).endswith("ed"):
            return False  # without an auxiliary only a past form makes a reduced relative
        e = self.ent_at.get(j)
        if e is None or e.actor is None:
            return False
        j = e.start - 1
        return j >= 0 and fold(self.doc[j].text) in VACCINE_NOUNS

    def _attributive(self, trig: Token) -> bool:
        """ "Japan-donated vaccines", "the donated doses": a modifier, not a pledge."""
        if trig.i > 0 and self.doc[trig.i - 1].text in ("-", "–"):
            return True
        return self.parsed and trig.dep_ in ("amod", "compound")

    def cumulative_context(self, trig: Token, sent: Span) -> bool:
        """A running total is reported, and no count of this event's own is given
        ("..., bringing the total received to 24 million" keeps "one million doses")."""
        low = " ".join(fold(t.text) for t in sent)
        doses = self.facts(sent)["doses"]
        own_count = any(not q.cumulative for _, q in doses)
        if any(cue in low for cue in ("so far", "to date", "in total", "altogether")) and not (
            own_count and ("bringing" in low or "brings" in low or "raising" in low)
        ):
            return True  # "has so far supplied ..., of which 6.47 million doses were grants"
        if any(not q.cumulative for _, q in doses):
            return False
        return self._cumulative_words(sent)

    def _cumulative_words(self, sent: Span) -> bool:
        words = [fold(t.text) for t in sent]
        text = " ".join(words)
        return any(
            p in text
            for p in (
                "so far",
                "to date",
                "in total",
                "bringing the total",
                "brings the total",
                "bringing the number",
                "has reached",
                "have reached",
                "the most vaccines",
            )
        )

    def request_types(self, trig: Token, sent: Span) -> list[str]:
        doc = self.doc
        if self.parsed:
            scope = [t for t in trig.subtree if t.i > trig.i] or list(doc[trig.i + 1 : sent.end])
            if fold(trig.text) in ("called", "calls", "call", "calling") or trig.pos_ == "NOUN":
                scope = list(doc[trig.i + 1 : sent.end])
        else:
            scope = list(doc[trig.i + 1 : sent.end])
        words = [fold(t.text) for t in scope]
        wordset = set(words)
        if (
            fold(trig.text) in ("asked", "asks", "ask", "asking")
            and words[:1]
            and words[0] in ("reporters", "journalists", "anonymity", "not", "about", "questions")
        ):
            return []
        if wordset & {"anonymity", "reporters", "journalists"} and not (wordset & VACCINE_WORDS):
            return []
        types = []
        has_vaccine = bool(wordset & VACCINE_WORDS) or any(
            (e := self.ent_at.get(t.i)) is not None and e.vaccine is not None for t in scope
        )
        tech = bool(
            wordset
            & {"technology", "technologies", "tech", "know-how", "licence", "license", "licensing"}
        ) or (
            bool(wordset & {"production", "produce", "manufacture", "manufacturing", "producing"})
            and has_vaccine
        )
        supply_words = wordset & SUPPLY_WORDS
        supply = has_vaccine and bool(supply_words - {"production", "produce"})
        if tech and not (supply_words & STRONG_SUPPLY):
            # "share the technology" is technology; "continue sharing vaccines" is supply
            supply = any(
                w
                in (
                    "share",
                    "sharing",
                    "provide",
                    "providing",
                    "supply",
                    "supplying",
                    "send",
                    "sending",
                    "receive",
                    "receiving",
                    "give",
                    "giving",
                )
                and set(words[k + 1 : k + 4]) & {"vaccines", "doses", "jabs", "shots"}
                for k, w in enumerate(words)
            )
        if wordset & {"substance", "bulk", "concentrate", "ingredient", "ingredients", "materials"}:
            supply, tech = False, True  # material for local production is technology
        if (
            tech
            and "transfer" in wordset
            and not (
                wordset & {"doses", "delivery", "deliveries", "priority", "receive", "shipment"}
            )
        ):
            supply = False
        if tech:
            types.append("TechTransferRequest")
        if supply:
            types.append("SupplyRequest")
        if not types and has_vaccine and wordset & {"vaccines", "vaccine", "doses"} and not tech:
            if fold(trig.text) in (
                "sought",
                "seek",
                "seeks",
                "seeking",
                "appealed",
                "requested",
                "request",
            ):
                types.append("SupplyRequest")
        return types

    def tech_transfer_ok(self, trig: Token, sent: Span, facts: dict[str, Any]) -> bool:
        words = facts["words"]
        doc = self.doc
        before = [fold(t.text) for t in doc[sent.start : trig.i]]
        overrides = {"thanked", "signed", "received", "completed", "agreed", "inked", "sealed"}
        for k in range(len(before) - 1, -1, -1):
            if before[k] in overrides:
                before = before[k + 1 :]
                break
        blockers = {
            "ask",
            "asked",
            "asks",
            "seek",
            "sought",
            "seeks",
            "seeking",
            "request",
            "requested",
            "proposed",
            "propose",
            "urged",
            "called",
            "tasked",
            "aims",
            "aim",
            "promote",
            "accelerate",
            "acceleration",
            "capable",
            "wants",
            "negotiations",
            "negotiating",
            "hopes",
            "plans",
            "would",
            "could",
            "may",
            "explore",
            "exploring",
            "discussed",
            "discuss",
            "mobilising",
            "mobilizing",
        }
        if set(before) & blockers:
            return False
        made = words & {
            "signed",
            "signs",
            "agreed",
            "received",
            "completed",
            "transferred",
            "handed",
            "shipped",
            "sent",
            "delivered",
            "supplied",
            "receives",
            "gave",
            "ships",
            "sends",
            "supplies",
            "provides",
            "thanked",
            "inked",
            "sealed",
            "granted",
            "grant",
            "will",
            "began",
            "started",
            "agreement",
            "agreements",
            "deal",
            "licence",
            "license",
            "provided",
        }
        return bool(made)

    # -- role filling -----------------------------------------------------------------------------
    def build(
        self, rule: TriggerRule, etype: str, trig: Token, sent: Span, facts: dict[str, Any]
    ) -> list[Candidate]:
        args = []
        anchor = self._governing_verb(trig) if (rule.verb_anchor and self.parsed) else trig
        if (
            rule.type == "TechTransfer"
            and rule.verb_anchor
            and self.parsed
            and anchor.pos_ in ("VERB", "AUX")
            and fold(anchor.lemma_ or anchor.text)
            not in TRANSFER_VERBS
            | RECEIVE_VERBS
            | {"ship", "send", "hand", "supply", "provide", "give"}
        ):
            return []  # "to package CoronaVac bulk": the bulk is not what is transferred here
        for head, actor, ent in self.sentence_actors(sent):
            rel = self.relation(head, anchor)
            if (
                ent is not None
                and ent.end < len(self.doc)
                and fold(self.doc[ent.end].text) in HELP_NOUNS
            ):
                if rel not in ("subj", "agent"):
                    rel = "helper"  # "a request for Chinese help", "sought China's support"
            args.append(Arg(actor, rel, head, ent))
        trace = [f"trigger {trig.text!r} ({rule.id})"]
        roles: dict[str, Any] = {}
        role_map = dict(rule.roles)
        args = [self._company_reference(a, facts) for a in args]
        if etype in ("PhoneCall", "Meeting"):
            parts: list[Actor] = []
            for a in args:
                if a.rel == "self":
                    continue
                if a.actor.kind != "person" and a.rel not in PARTICIPANT_RELS:
                    if not (rule.visit and a.rel in ("to", "up.to")):
                        continue
                if (
                    a.actor.kind == "person"
                    and a.actor.party == a.actor.id
                    and a.rel not in PARTICIPANT_RELS
                ):
                    continue
                parts.append(a.actor)
                trace.append(f"participant {a.actor.party} <- {a.rel}")
            known = {p.party for p in parts if not (p.kind == "person" and p.party == p.id)}
            if len(known) >= 2:
                parts = [p for p in parts if not (p.kind == "person" and p.party == p.id)]
            countries = {p.party for p in parts if p.kind != "company"}
            parts = [p for p in parts if not (p.kind == "company" and p.country in countries)]
            roles["participants"] = parts
            if "meet_partner" in rule.needs:
                rels = [
                    a.rel
                    for a in args
                    if a.actor.kind
                    in ("person", "country", "international_org", "company", "government_body")
                ]
                partner = any(r in ("obj", "with", "dative") for r in rels) or any(
                    a.rel == "obj.deep" and a.actor.kind == "person" for a in args
                )  # "met Chinese Ambassador to Egypt Liao Liqiang"
                if not partner and not (rels.count("subj") + rels.count("conj") >= 2):
                    return []
            if "separately" in facts["words"] and len({p.party for p in parts}) >= 3:
                subj = next((a.actor for a in args if a.rel in ("subj", "up.subj")), parts[0])
                others = []
                for p in parts:
                    if p.party != subj.party and p.party not in [o.party for o in others]:
                        others.append(p)
                roles["participants"] = [subj]
                roles["separately"] = others
            if "actor_arg" in rule.needs and not any(
                a.rel in DIRECT_RELS or (a.actor.kind == "person" and a.rel.startswith("up."))
                for a in args
            ):
                return []
        else:
            args = [self._company_reference(a, facts) for a in args]
            ordered = [a for a in args if a.rel != "speaker"] + [
                a for a in args if a.rel == "speaker"
            ]
            for a in ordered:
                if a.actor.kind == "person" and a.actor.party == a.actor.id:
                    continue  # a person we could not place speaks for nobody we know
                role = role_map.get(a.rel)
                if a.rel == "thanked":
                    role = DOER_ROLE.get(etype)
                if (
                    etype == "Delivery"
                    and a.rel == "subj"
                    and role is None
                    and a.ent is not None
                    and a.ent.via == "demonym"
                ):
                    role = "supplier"  # "a third Japanese donation of ... arrived"
                if role in ("giver", "taker"):
                    role = self._transfer_role(trig, role)
                if role is None or role == "none":
                    continue
                if a.rel == "speaker" and roles.get(role):
                    continue
                roles.setdefault(role, [])
                if a.actor.party not in [x.party for x in roles[role]]:
                    roles[role].append(a.actor)
                    trace.append(f"{role} {a.actor.party} <- {a.rel} {a.actor.name!r}")
        vaccines = self.pick_vaccines(anchor, facts)
        if (
            self.parsed
            and anchor.pos_ in ("VERB", "AUX")
            and anchor.dep_ in ("advcl", "conj", "ccomp", "parataxis")
        ):
            clause = {t.i for t in anchor.subtree}
            inside = [v for v in vaccines if v.start in clause]
            if inside:
                vaccines = inside
            else:
                scoped = {"ents": [e for e in facts["ents"] if e.start in clause]}
                mv = self._maker_vaccine(scoped, roles) or self._maker_vaccine(facts, roles)
                vaccines = []  # the vaccine named in another clause is another event's
                facts = {**facts, "clause_vaccine": mv, "clause_scoped": True}
        cands = []
        if etype == "Approval" and len(vaccines) > 1:
            earlier = [
                v
                for v in vaccines
                if {fold(t.text) for t in self.doc[max(sent.start, v.start - 6) : v.start]}
                & {"after", "following"}
            ]
            if len(earlier) < len(vaccines):  # "the third vaccine cleared after X and Y"
                vaccines = [v for v in vaccines if v not in earlier]
        vacc_list: list[Ent | None] = list(vaccines[:1]) or [None]
        if etype == "Approval" and len(vaccines) > 1:
            vacc_list = self._coordinated(vaccines, trig)
        for vent in vacc_list:
            c = Candidate(
                type=etype,
                rule=rule.id,
                trigger=trig.text,
                sent_starts=[sent.start],
                trigger_i=trig.i,
            )
            c.evidence.append((sent.start_char, sent.end_char))
            c.trace = list(trace)
            c.weak = rule.weak
            c.anaphoric = rule.anaphoric
            c.trigger_dep = trig.dep_ if self.parsed else ""
            if vent is not None:
                c.vaccine = vent.vaccine
                c.trace.append(f"vaccine {vent.vaccine.id} <- {vent.vaccine.mention!r}")
            elif facts.get("clause_vaccine") is not None:
                c.vaccine = facts["clause_vaccine"]
            elif facts.get("clause_scoped"):
                pass
            elif etype not in ("PhoneCall", "Meeting") or facts["words"] & (
                VACCINE_WORDS | SUPPLY_WORDS
            ):
                c.vaccine = self._maker_vaccine(facts, roles)
            c.date, how = self.pick_date(etype, trig, sent, facts)
            c.trace.append(f"date {c.date} <- {how}")
            if etype not in NO_DOSES:
                q = self.pick_quantity(facts["doses"], trig)
                if q is not None:
                    c.doses = q.value
                    c.trace.append(f"doses {q.value} <- {q.text!r}")
            if etype in WITH_MONEY:
                m = self.pick_quantity(facts["money"], trig)
                if m is not None:
                    c.money = Money(amount=m.amount, currency=m.currency)
                    c.trace.append(f"money {m.amount} {m.currency} <- {m.text!r}")
            if (
                c.vaccine is None
                and not facts.get("clause_scoped")
                and (
                    etype == "Approval"
                    or (
                        etype
                        in ("PurchaseAgreement", "Delivery", "DonationPledge", "SupplyRequest")
                        and (
                            c.doses is not None
                            or facts["words"] & {"deliveries", "shipments", "shot", "jab"}
                        )
                    )
                )
            ):
                c.vaccine = self._recent_vaccine(sent)
                if c.vaccine is not None:
                    c.trace.append(f"vaccine {c.vaccine.id} <- the previous sentences")
            c.roles = {k: list(v) for k, v in roles.items()}
            self.finish(c, rule, trig, sent, facts, args, vent)
            cands.extend(self.split(c))
        if etype in ("Delivery", "DonationPledge", "PurchaseAgreement") and len(cands) == 1:
            segmented = self.split_segments(cands[0], rule, trig, sent, facts)
            if len(segmented) > 1:
                return segmented
        if etype == "Delivery" and len(cands) == 1:
            cands = self.split_shipments(cands[0], facts)
        return cands

    def split_segments(
        self, c: Candidate, rule: TriggerRule, trig: Token, sent: Span, facts: dict[str, Any]
    ) -> list[Candidate]:
        """ "300,000 Sinopharm doses from China and 100,000 AstraZeneca doses through COVAX",
        "contracts with Sinovac for 10 million doses and with Pfizer for 10 million doses":
        one event per coordinated segment, each with its own quantity, vaccine and party."""
        doc = self.doc
        cuts = [sent.start]
        for t in doc[sent.start + 1 : sent.end - 1]:
            nxt = doc[t.i + 1]
            if fold(t.text) in ("along", "plus", "besides") and (
                nxt.like_num or fold(nxt.text) in ("with", "another")
            ):
                cuts.append(t.i)
                continue
            if fold(t.text) == "and" and (
                nxt.like_num
                or fold(nxt.text)
                in ("with", "from", "to", "through", "via", "another", "a", "an", "under")
            ):
                cuts.append(t.i)
        if len(cuts) < 2:
            return [c]
        cuts.append(sent.end)
        doses = [(i, q) for i, q in facts["doses"] if not q.cumulative]
        known = {i for i, _ in facts["doses"]}
        doses += [(i, q) for i, q in self._bare_numbers(sent) if i not in known]
        out = []
        for k in range(len(cuts) - 1):
            lo, hi = cuts[k], cuts[k + 1]
            qs = [q for i, q in doses if lo <= i < hi]
            if len(qs) != 1:
                return [c]
            d = c.copy()
            d.doses = qs[0].value
            d.trigger_i = c.trigger_i * 100 + k
            days = [
                dm
                for i, dm in facts["dates"]
                if lo <= i < hi
                and dm.value is not None
                and not any(fold(t.text) in REPORT_VERBS for t in doc[max(lo, i - 3) : i])
            ]
            if days:
                d.date = days[0].value
            vs = [e for e in facts["ents"] if e.vaccine is not None and lo <= e.start < hi]
            if vs:
                d.vaccine = vs[0].vaccine
            else:
                seg = {"ents": [e for e in facts["ents"] if lo <= e.start < hi]}
                d.vaccine = self._maker_vaccine(seg, d.roles) or d.vaccine
            for e in facts["ents"]:
                if e.actor is None or e.absorbed or not (lo <= e.start < hi):
                    continue
                prev = fold(doc[e.start - 1].text) if e.start > 0 else ""
                if prev == "the" and e.start > 1:
                    prev = fold(doc[e.start - 2].text)
                if prev in ("through", "via", "under") and e.actor.id == "COVAX":
                    if d.type == "Delivery":
                        d.channel = "covax"
                        d.roles["supplier"] = e.actor
                    continue
                role = rule.roles.get("agent" if prev == "by" else prev)
                if role and role in ROLE_ORDER[d.type]:
                    d.roles[role] = e.actor
                    d.weak_roles.discard(role)
            if d.type == "Delivery" and d.channel != "covax":
                seg_words = {fold(t.text) for t in doc[lo:hi]}
                if seg_words & GIFT_WORDS:
                    d.channel = "donation"
                elif seg_words & PURCHASE_WORDS:
                    d.channel = "purchase"
            if d.type == "Delivery" and d.channel == "covax" and d.party("supplier") != "COVAX":
                d.channel = "unspecified"
            d.trace.append(f"segment {k + 1}: doses {d.doses}")
            out.append(d)
        return out

    def _bare_numbers(self, sent: Span) -> list[tuple[int, Any]]:
        """ "... and 300,000 to Côte d'Ivoire": a count whose unit was said before."""
        from vaxdiplo.quantities import Quantity, parse_number

        out = []
        doc = self.doc
        for t in sent:
            if t.i == 0 or fold(doc[t.i - 1].text) != "and" or not t.like_num:
                continue
            j = t.i + 1
            text = t.text
            if j < sent.end and fold(doc[j].text) in ("million", "thousand", "billion", "m"):
                text += " " + doc[j].text
                j += 1
            if j < sent.end and fold(doc[j].text) in VACCINE_NOUNS:
                continue  # a full quantity, already found
            value = parse_number(text)
            if value is None or value < 1000:
                continue
            start = t.idx - sent.start_char
            out.append(
                (t.i, Quantity(start, start + len(text), text, int(value), False, False, "doses"))
            )
        return out

    def split_shipments(self, c: Candidate, facts: dict[str, Any]) -> list[Candidate]:
        """ "1.2 million doses on December 6 and 1.8 million doses on December 31": one
        Delivery per quantity, each with the day that follows it."""
        doses = [(i, q) for i, q in facts["doses"] if not q.cumulative]
        days = [(i, d) for i, d in facts["dates"] if d.value is not None]
        if len(doses) < 2 or len(days) < len(doses):
            return [c]
        out = []
        for n, (i, q) in enumerate(doses):
            nxt = doses[n + 1][0] if n + 1 < len(doses) else 10**9
            day = next((d for j, d in days if i < j < nxt), None)
            if day is None:
                return [c]
            d = c.copy()
            d.doses, d.date = q.value, day.value
            d.trace.append(
                f"shipment {n + 1}: doses {q.value} on {day.value} ({q.text!r}, {day.text!r})"
            )
            d.trigger_i = c.trigger_i * 100 + n
            out.append(d)
        return out

    def _governing_verb(self, trig: Token) -> Token:
        node = trig
        for _ in range(6):
            if node.i == node.head.i:
                return node
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("acl", "amod"):
                return node
            node = node.head
        return node if node.pos_ in ("VERB", "AUX") else trig

    def _transfer_role(self, trig: Token, role: str) -> str:
        """Subject of "received raw materials" is the recipient; of "handed over", the provider."""
        verb = trig
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.i == verb.head.i:
                break
            verb = verb.head
        receiving = (
            fold(verb.lemma_ or verb.text) in RECEIVE_VERBS or fold(verb.text) in RECEIVE_VERBS
        )
        if not self.parsed:
            before = {fold(t.text) for t in self.doc[max(0, trig.i - 6) : trig.i]}
            receiving = bool(before & RECEIVE_VERBS)
        if role == "giver":
            return "recipient" if receiving else "provider"
        return "provider" if receiving else "recipient"

    def _company_reference(self, a: Arg, facts: dict[str, Any]) -> Arg:
        """ "from the US drugmaker": the maker of the vaccine named, not the country."""
        if a.ent is None or a.actor.kind != "country":
            return a
        if a.ent.start == 0 or fold(self.doc[a.ent.start - 1].text) != "the":
            return a  # "an Indian company": a company of that country, not a known maker
        nxt = [fold(t.text) for t in self.doc[a.ent.end : min(len(self.doc), a.ent.end + 2)]]
        if not (set(nxt) & COMPANY_NOUNS):
            return a
        for e in facts["ents"]:
            if e.vaccine is not None:
                maker = self.f.registry.vaccine(e.vaccine.id).maker
                if maker:
                    m = self.f.registry.org(maker)
                    actor = Actor(kind=m.kind, name=m.name, id=m.id, country=m.country, party=m.id)
                    return Arg(actor, a.rel, a.token, a.ent)
        return Arg(a.actor, "other", a.token, a.ent)

    def _coordinated(self, vaccines: list[Ent], trig: Token) -> list[Ent | None]:
        first = vaccines[0]
        out: list[Ent | None] = [first]
        for v in vaccines[1:]:
            lo, hi = (
                sorted((first.end, v.start))
                if v.start > first.start
                else sorted((v.end, first.start))
            )
            between = {fold(t.text) for t in self.doc[lo:hi]}
            if between <= {
                "and",
                ",",
                "or",
                "the",
                "as",
                "well",
                "vaccine",
                "vaccines",
                "'s",
                "s",
            } and v.vaccine.id not in {x.vaccine.id for x in out if x}:
                out.append(v)
        return out

    def _maker_vaccine(self, facts: dict[str, Any], roles: dict[str, Any]) -> Vaccine | None:
        for e in facts["ents"]:
            if e.actor is None:
                continue
            v = self.f.makers.get(e.maker or e.actor.id)
            if v is not None:
                return Vaccine(id=v.id, name=v.name, mention=self.doc[e.start : e.end].text)
        return None

    def _vaccine_owner(self, vent: Ent | None, args: list[Arg]) -> Actor | None:
        if vent is None:
            return None
        doc = self.doc
        lo = max(0, vent.start - 4)
        for a in args:
            if a.ent is None:
                continue
            if lo <= a.ent.start and a.ent.end <= vent.start:
                between = [fold(t.text) for t in doc[a.ent.end : vent.start]]
                if all(
                    w
                    in (
                        "'s",
                        "'",
                        "-",
                        "donated",
                        "made",
                        "produced",
                        "gifted",
                        "supplied",
                        "sponsored",
                        "provided",
                    )
                    for w in between
                ):
                    return a.actor
        return None

    def finish(
        self,
        c: Candidate,
        rule: TriggerRule,
        trig: Token,
        sent: Span,
        facts: dict[str, Any],
        args: list[Arg],
        vent: Ent | None,
    ) -> None:
        words = facts["words"]
        home = self.ents.home
        registry = self.f.registry
        home_actor = None
        if home and home in registry.country_ids:
            cn = registry.country(home)
            home_actor = Actor(kind="country", name=cn.name, id=cn.id, country=cn.id, party=cn.id)

        def one(role: str) -> Actor | None:
            vals = c.roles.get(role) or []
            return vals[0] if vals else None

        t = c.type
        if t == "Approval":
            c.roles["authority"] = [
                a for a in c.roles.get("authority", []) if a.kind != "company"
            ]  # "Medigen's approval": the maker is not the authority
            local = {
                fold(x.text)
                for x in self.doc[max(sent.start, trig.i - 3) : min(sent.end, trig.i + 3)]
            }
            if rule.approval:
                c.approval = rule.approval
            elif "full" in local or "fully" in local:
                c.approval = "full"
            elif "conditional" in local or "conditionally" in local:
                c.approval = "conditional"
            elif "emergency" in words or "eua" in words or "emergency-use" in words:
                c.approval = "emergency"
            elif "conditional" in words or "conditionally" in words:
                c.approval = "conditional"
            elif "full" in words or "fully" in words:
                c.approval = "full"
            if not c.roles.get("authority"):
                bodies = [a.actor for a in args if a.actor.kind == "government_body"]
                if bodies:
                    c.roles["authority"] = [bodies[0]]
                    c.trace.append(f"authority {bodies[0].party} <- body in sentence")
        elif t == "DonationPledge":
            donor = one("donor")
            if (
                not c.roles.get("recipient")
                and home_actor is not None
                and donor is not None
                and donor.party != home
                and not (words & {"covax", "countries", "world", "nations", "globally"})
            ):
                c.roles["recipient"] = [home_actor]
                c.weak_roles.add("recipient")
                c.trace.append(f"recipient {home} <- document home country")
            if not c.roles.get("donor"):
                owner = self._vaccine_owner(vent, args)
                if owner is not None and (
                    owner.party != (one("recipient").party if one("recipient") else None)
                ):
                    c.roles["donor"] = [owner]
                    c.trace.append(f"donor {owner.party} <- vaccine owner")
        elif t == "Delivery":
            if "covax" in words:
                c.channel = "covax"
                covax = registry.org("COVAX")
                c.roles["supplier"] = [
                    Actor(kind="international_org", name=covax.name, id="COVAX", party="COVAX")
                ]
                c.trace.append("supplier COVAX <- 'COVAX' in sentence")
            else:
                c.channel = self._channel(trig, sent, vent, words)
            if not c.roles.get("supplier"):
                owner = self._vaccine_owner(vent, args) or self._phrase_supplier(sent, args, facts)
                if owner is not None:
                    c.roles["supplier"] = [owner]
                    c.trace.append(f"supplier {owner.party} <- vaccine owner or 'donated by/from'")
            if (
                not c.roles.get("supplier")
                and c.channel in ("purchase", "unspecified")
                and c.vaccine is not None
            ):
                maker = registry.vaccine(c.vaccine.id).maker
                if maker:
                    m = registry.org(maker)
                    c.roles["supplier"] = [
                        Actor(kind=m.kind, name=m.name, id=m.id, country=m.country, party=m.id)
                    ]
                    if c.channel == "unspecified":
                        c.weak_roles.add("supplier")
                    c.trace.append(f"supplier {m.id} <- maker of a vaccine not said to be a gift")
            if not c.roles.get("recipient") and home_actor is not None:
                sup = one("supplier")
                if sup is None or sup.party != home:
                    c.roles["recipient"] = [home_actor]
                    c.trace.append(f"recipient {home} <- document home country")
                    c.weak_roles.add("recipient")
        elif t in ("SupplyRequest", "TechTransferRequest"):
            if c.vaccine is None and t == "TechTransferRequest":
                c.vaccine = self._recent_vaccine(sent)
            if not c.roles.get("requester"):
                persons = [
                    a.actor
                    for a in args
                    if a.actor.kind == "person" and a.rel in ("up.subj", "speaker", "subj")
                ]
                if persons:
                    c.roles["requester"] = [persons[0]]
            req = one("requester")
            adds = [a for a in c.roles.get("addressee", []) if req is None or a.party != req.party]
            if adds:
                c.roles["addressee"] = adds
            elif "addressee" in c.roles:
                del c.roles["addressee"]
        elif t == "TechTransfer":
            if c.vaccine is None:
                c.vaccine = self._recent_vaccine(sent)
            partners = c.roles.pop("partner", [])
            everyone: list[Actor] = []
            for p in [
                *(c.roles.get("provider") or []),
                *(c.roles.get("recipient") or []),
                *partners,
            ]:
                if p.party not in [q.party for q in everyone]:
                    everyone.append(p)
            maker_parties = self._maker_parties(c)
            maker_country = self._maker_country(c)
            side = [p for p in everyone if p.party in maker_parties or p.id in maker_parties]
            if not side and maker_country:
                side = [p for p in everyone if p.party == maker_country]
            if side:
                prov = side[0]
                recs = [p for p in everyone if p not in side and p.party != prov.party]
                c.trace.append(f"provider {prov.party} <- the vaccine's maker side")
            else:
                prov = one("provider")
                recs = [
                    p
                    for p in (c.roles.get("recipient") or [])
                    if prov is None or p.party != prov.party
                ]
                rest = [
                    p for p in partners if p not in recs and (prov is None or p.party != prov.party)
                ]
                if prov is None and rest and recs:
                    prov = rest.pop(0)
                recs = recs or rest
                if prov is None and len(recs) > 1:
                    prov = recs.pop(0)
            if any(r.kind == "company" for r in recs) and any(r.kind == "country" for r in recs):
                recs = [
                    r for r in recs if r.kind != "country"
                ]  # "Indian manufacturers including X"
            rec = recs[0] if recs else None
            if prov is None:
                owner = self._vaccine_owner(vent, args)
                if owner is not None:
                    prov = owner
            if prov is None and c.vaccine is not None:
                maker = registry.vaccine(c.vaccine.id).maker
                if maker and (rec is None or rec.party != maker):
                    m = registry.org(maker)
                    prov = Actor(kind=m.kind, name=m.name, id=m.id, country=m.country, party=m.id)
                    c.weak_roles.add("provider")
                    c.trace.append(f"provider {m.id} <- maker of {c.vaccine.id}")
            if home_actor is not None and prov is not None and prov.party != home:
                swapped = []
                for r in recs:
                    if r.kind == "company" and r.id not in registry.org_ids:
                        swapped.append(home_actor)  # a local company unknown to the registry
                        c.trace.append(f"recipient {home} <- home of the company {r.name!r}")
                    else:
                        swapped.append(r)
                recs = swapped
            if rec is None:
                rec = self._to_phrase(sent, args, exclude=prov)
                if rec is not None:
                    recs = [rec]
                    c.trace.append(f"recipient {rec.party} <- 'to {rec.name}'")
            if rec is None and home_actor is not None and (prov is None or prov.party != home):
                rec = home_actor
                c.weak_roles.add("recipient")
                c.trace.append(f"recipient {home} <- document home country")
            c.roles["provider"] = [prov] if prov else []
            c.roles["recipient"] = recs if recs else ([rec] if rec else [])
        elif t == "PurchaseAgreement":
            buyer, seller = one("buyer"), one("seller")
            if (
                buyer is not None
                and buyer.kind == "company"
                and (seller is None or seller.kind in ("country", "government_body", "person"))
            ):
                buyer, seller = seller, buyer
                c.trace.append("buyer/seller swapped: the company sells")
            if seller is None:
                if c.vaccine is not None:
                    maker = registry.vaccine(c.vaccine.id).maker
                    if maker:
                        m = registry.org(maker)
                        seller = Actor(
                            kind=m.kind, name=m.name, id=m.id, country=m.country, party=m.id
                        )
                        c.trace.append(f"seller {m.id} <- maker of {c.vaccine.id}")
            if (
                buyer is None
                and home_actor is not None
                and (seller is None or seller.party != home)
            ):
                buyer = home_actor
                c.weak_roles.add("buyer")
                c.trace.append(f"buyer {home} <- document home country")
            c.roles["buyer"] = [buyer] if buyer else []
            c.roles["seller"] = [seller] if seller else []
        elif t == "Meeting":
            loc = None
            if not rule.virtual and not (
                words & {"online", "virtual", "virtually", "videoconference", "video"}
            ):
                for a in args:
                    if a.ent is None or a.actor.kind != "country" or a.ent.via == "demonym":
                        continue
                    prev = [
                        fold(x.text)
                        for x in self.doc[max(sent.start, a.ent.start - 2) : a.ent.start]
                    ]
                    if prev[-1:] == ["in"] or prev == ["in", "the"]:
                        loc = a.actor
                        break
                    if (rule.visit or "visit" in words) and prev[-1:] == ["to"]:
                        loc = a.actor
                        break
                if loc is None and rule.host:
                    host = next((a.actor for a in args if a.rel in ("subj", "agent")), None)
                    if host is not None and host.party in registry.country_ids:
                        loc = host
            if loc is not None:
                c.roles["location"] = [loc]
                c.trace.append(f"location {loc.party}")
        if t in ("PhoneCall", "Meeting"):
            parts = c.roles.get("participants", [])
            parties = {p.party for p in parts}
            if len(parties) == 1 and home_actor is not None and home not in parties:
                parts.append(home_actor)
                c.weak_roles.add("participants")
                c.trace.append(f"participant {home} <- document home country")
            c.roles["participants"] = parts

    def _to_phrase(self, sent: Span, args: list[Arg], exclude: Actor | None) -> Actor | None:
        doc = self.doc
        for a in args:
            if a.ent is None or (exclude is not None and a.actor.party == exclude.party):
                continue
            prev = [fold(t.text) for t in doc[max(sent.start, a.ent.start - 2) : a.ent.start]]
            if prev[-1:] == ["to"] or prev == ["to", "the"]:
                return a.actor
        return None

    def _channel(self, trig: Token, sent: Span, vent: Ent | None, words: set[str]) -> str:
        """Donation or purchase, by the nearer cue when a sentence has both
        ("2 million doses purchased from Sinovac, along with 1 million donated by China")."""
        pivot = vent.start if vent is not None else trig.i
        best, dist = "unspecified", 10**6
        for t in sent:
            w = fold(t.text)
            kind = "donation" if w in GIFT_WORDS else "purchase" if w in PURCHASE_WORDS else None
            if kind and abs(t.i - pivot) < dist:
                best, dist = kind, abs(t.i - pivot)
        return best

    def _phrase_supplier(self, sent: Span, args: list[Arg], facts: dict[str, Any]) -> Actor | None:
        """ "donated by China", "a gift from the people of India", "from the US",
        "under a contract with Russia"."""
        doc = self.doc
        givers = {
            "donated",
            "gifted",
            "supplied",
            "provided",
            "sent",
            "given",
            "offered",
            "shipped",
            "manufactured",
            "made",
            "produced",
            "developed",
        }
        for a in args:
            if a.ent is None or (a.actor.kind == "person" and a.actor.party == a.actor.id):
                continue
            left = a.ent.start
            while left > sent.start and (
                (q := self.ent_at.get(left - 1)) is not None and q.absorbed and q.kind == "country"
            ):
                left = q.start  # "donated by the Chinese government": skip the qualifier
            prev = [fold(t.text) for t in doc[max(sent.start, left - 4) : left]]
            while prev and prev[-1] in ("the", "people", "of", "government", "'s"):
                if prev[-2:] == ["people", "of"] or prev[-1] in ("the", "'s"):
                    prev = prev[:-2] if prev[-2:] == ["people", "of"] else prev[:-1]
                else:
                    break
            if not prev:
                continue
            if prev[-1] == "from" or (prev[-1] == "by" and len(prev) > 1 and prev[-2] in givers):
                return a.actor
            if prev[-1] == "with" and set(prev) & {"contract", "deal", "agreement"}:
                return a.actor
        return None

    def _maker_country(self, c: Candidate) -> str | None:
        if c.vaccine is None:
            return None
        maker = self.f.registry.vaccine(c.vaccine.id).maker
        return self.f.registry.org(maker).country if maker else None

    def _recent_vaccine(self, sent: Span) -> Vaccine | None:
        """The vaccine of the previous sentences ("... begun producing the CanSino vaccine.
        The Chinese company transferred the technology ...")."""
        for e in reversed(self.ents.ents):
            if e.start >= sent.start or e.start < sent.start - 80:
                continue
            if e.vaccine is not None:
                return e.vaccine
            if e.actor is not None and (e.maker or e.actor.id) in self.f.makers:
                v = self.f.makers[e.maker or e.actor.id]  # "a deal with Pfizer ... the shot"
                return Vaccine(id=v.id, name=v.name, mention=self.doc[e.start : e.end].text)
        return None

    def _maker_parties(self, c: Candidate) -> set[str]:
        if c.vaccine is None:
            return set()
        v = self.f.registry.vaccine(c.vaccine.id)
        out = set()
        if v.maker:
            out.add(v.maker)
            m = self.f.registry.org(v.maker)
            if m.country and m.state_owned:
                out.add(m.country)
                out |= {
                    o.id
                    for o in self.f.registry.organisations
                    if o.state_owned and o.country == m.country
                }
        return out

    def split(self, c: Candidate) -> list[Candidate]:
        """One event per party where a single-valued role lists several parties."""
        single = [r for r in ROLE_ORDER[c.type] if r != "participants"]
        multi = [r for r in single if len({a.party for a in c.roles.get(r, [])}) > 1]
        if not multi:
            for r in single:
                vals = c.roles.get(r) or []
                c.roles[r] = vals[0] if vals else None
            return [c]
        role = multi[0]
        pairs = self._pair_with_doses(c, c.roles[role])
        values = self._coordinated_values(c.roles[role])
        if pairs:
            out = []
            for actor, q in pairs:
                d = c.copy()
                d.roles[role] = [actor]
                d.doses = q.value
                d.trace.append(f"{role} {actor.party} paired with {q.text!r}")
                out.extend(self.split(d))
            return out
        out = []
        for actor in values:
            d = c.copy()
            d.roles[role] = [actor]
            out.extend(self.split(d))
        return out

    def _positions(self, actor: Actor) -> list[int]:
        return [
            e.start for e in self.ents.ents if e.actor is not None and e.actor.party == actor.party
        ]

    def _coordinated_values(self, values: list[Actor]) -> list[Actor]:
        """Keep the values listed together with the first one ("Russia, Belarus and Serbia")."""
        if len(values) < 2:
            return values
        doc = self.doc
        ents = [e for e in self.ents.ents if e.actor is not None and not e.absorbed]
        spans = {}
        for v in values:
            for e in ents:
                if e.actor.party == v.party and e.actor.id == v.id:
                    spans.setdefault(v.party, e)
        kept = [values[0]]
        ordered = sorted((spans[v.party].start, v) for v in values if v.party in spans)
        if len(ordered) != len(values):
            return values
        glue = {
            ",",
            "and",
            "or",
            "the",
            "as",
            "well",
            "&",
            "also",
            "with",
            "to",
            "from",
            "companies",
            "in",
            "both",
            "firms",
            "of",
            "including",
            "such",
            "manufacturers",
        }
        chain = [ordered[0]]
        for start, v in ordered[1:]:
            prev = spans[chain[-1][1].party]
            between = {fold(t.text) for t in doc[prev.end : start]}
            if between <= glue and start - prev.end <= 4:
                chain.append((start, v))
        kept = [v for _, v in chain]
        if values[0] not in kept:
            return [values[0]]
        return kept

    def _pair_with_doses(self, c: Candidate, values: list[Actor]):
        """ "500,000 doses to Senegal and 300,000 to Côte d'Ivoire": pair each party with
        the quantity next to it."""
        if len(values) < 2 or c.type in ("Approval", "PhoneCall", "Meeting"):
            return None
        sent = self.doc[c.sent_starts[0]].sent
        facts = self.facts(sent)
        qs = [(i, q) for i, q in facts["doses"] if not q.cumulative]
        if len(qs) != len(values):
            return None
        pos = []
        for v in values:
            ps = [p for p in self._positions(v) if sent.start <= p < sent.end]
            if not ps:
                return None
            pos.append(ps[0])
        pairs = []
        for v, p in zip(values, pos, strict=True):
            _, q = min(qs, key=lambda x: abs(x[0] - p))
            pairs.append((v, q))
        if len({id(q) for _, q in pairs}) != len(pairs):
            return None
        return pairs

    # -- merging ---------------------------------------------------------------------------------
    def merge(self, cands: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        anaphors = [c for c in cands if c.anaphoric]
        cands = [c for c in cands if not c.anaphoric]
        expanded = []
        for c in cands:
            others = c.roles.pop("separately", None)
            if others:
                for o in others:
                    d = c.copy()
                    d.roles["participants"] = [*c.roles["participants"], o]
                    d.trace.append(f"separately: {o.party}")
                    d.trigger_i = c.trigger_i * 100 + len(expanded)
                    expanded.append(d)
            else:
                expanded.append(c)
        cands = expanded
        cands = [
            c
            for c in cands
            if not (c.type == "PurchaseAgreement" and c.trigger_dep in ("acl", "amod"))
        ]  # "doses bought by the government are expected": background, not the deal
        delivered_early = {st for c in cands if c.type == "Delivery" for st in c.sent_starts}
        cands = [
            c
            for c in cands
            if not (
                c.type in ("DonationPledge", "PurchaseAgreement")
                and (fold(c.trigger) in GIFT_NOUNS or c.trigger_dep in ("acl", "amod"))
                and set(c.sent_starts) <= delivered_early
            )
        ]
        for c in cands:
            if not self.valid(c):
                continue
            for o in out:
                if o.type == c.type and self.same_event(o, c):
                    self.absorb(o, c)
                    break
            else:
                out.append(c)
        self.anaphor_dates: dict[int, tuple[dt.date, str]] = {}
        for a in anaphors:
            self.attach_anaphor(a, out)
        for c in out:  # "During the meeting, Liao announced that China would donate ..."
            if c.date is None and not c.date_conflict and c.type not in ("PhoneCall", "Meeting"):
                hit = self.anaphor_dates.get(c.sent_starts[0])
                if hit is not None:
                    c.date = hit[0]
                    c.trace.append(f"date {hit[0]} <- the {hit[1]} the sentence refers to")
        self.date_requests(out)
        self.channel_from_followups(out)
        pledged = {
            (c.party("donor"), c.party("recipient")) for c in out if c.type == "DonationPledge"
        }
        for c in out:
            if (
                c.type == "Delivery"
                and c.channel == "unspecified"
                and ((c.party("supplier"), c.party("recipient")) in pledged)
            ):
                c.channel = "donation"
                c.trace.append("channel donation <- the document reports the pledge")
        delivered = {st for c in out if c.type == "Delivery" for st in c.sent_starts}
        out = [
            c
            for c in out
            if not (
                c.type == "DonationPledge"
                and (fold(c.trigger) in GIFT_NOUNS or c.trigger_dep in ("acl", "amod"))
                and set(c.sent_starts) <= delivered
            )
        ]  # "1 million doses, a gift from Beijing, landed": the gift is the shipment
        out = [
            c
            for c in out
            if not (
                c.type == "PurchaseAgreement"
                and c.trigger_dep in ("acl", "amod")
                and set(c.sent_starts) <= delivered
            )
        ]  # "doses purchased from Sinovac arrived": the purchase only describes the shipment
        has_call = any(c.type == "PhoneCall" for c in out)
        if has_call:
            out = [c for c in out if not (c.type == "Meeting" and c.weak)]
        return out

    def attach_anaphor(self, a: Candidate, events: list[Candidate]) -> None:
        """ "During the call, ...", "The contract is worth ...": add to the event meant."""
        kinds = ("PhoneCall", "Meeting") if a.type in ("PhoneCall", "Meeting") else (a.type,)
        before = [e for e in events if e.type in kinds and min(e.sent_starts) <= a.sent_starts[0]]
        if not before:
            return
        same = [e for e in before if e.type == a.type] or before
        target = max(same, key=lambda e: max(s for s in e.sent_starts if s <= a.sent_starts[0]))
        target.vaccine = target.vaccine or a.vaccine
        if target.type in ("PurchaseAgreement", "DonationPledge"):
            target.money = target.money or a.money
        for ev in a.evidence:
            if ev not in target.evidence:
                target.evidence.append(ev)
        target.trace.append(f"-- anaphor {a.rule} {a.trigger!r} adds evidence --")
        if target.date is not None:
            self.anaphor_dates[a.sent_starts[0]] = (target.date, target.type)

    def channel_from_followups(self, events: list[Candidate]) -> None:
        """ "... arrived on Wednesday night. The shipment was purchased under the government's
        agreements with Pfizer.": a later sentence tells how the doses were obtained."""
        deliveries = sorted(
            (c for c in events if c.type == "Delivery"), key=lambda c: c.sent_starts[0]
        )
        if not deliveries:
            return
        starts = {st for c in events for st in c.sent_starts}
        for sent in self.doc.sents:
            if sent.start in starts:
                continue
            words = [fold(t.text) for t in sent]
            refers = any(
                words[k] in ("the", "this", "that", "these")
                and words[k + 1]
                in ("shipment", "consignment", "batch", "doses", "vaccines", "delivery")
                for k in range(len(words) - 1)
            )
            if not refers:
                continue
            kind = (
                "purchase"
                if set(words) & {"purchased", "bought", "procured"}
                else "donation"
                if set(words) & {"donated", "gifted", "donation", "gift"}
                else None
            )
            before = [c for c in deliveries if c.sent_starts[0] < sent.start]
            if kind and before and before[-1].channel == "unspecified":
                before[-1].channel = kind
                before[-1].trace.append(f"channel {kind} <- a later sentence about the shipment")

    def date_requests(self, events: list[Candidate]) -> None:
        """A request made during a call or meeting takes its date (EVENTS.md §7.5)."""
        talks = [e for e in events if e.type in ("PhoneCall", "Meeting") and e.date is not None]
        roles = {
            "SupplyRequest": ("requester", "addressee"),
            "TechTransferRequest": ("requester", "addressee"),
            "DonationPledge": ("donor", "recipient"),  # a pledge announced in the call
        }
        for c in events:
            if c.type not in roles or c.date or c.date_conflict:
                continue
            who = {c.party(r) for r in roles[c.type] if r not in c.weak_roles} - {None}
            if c.type == "DonationPledge" and len(who) < 2:
                continue
            for t in talks:
                if who and who <= t.parties():
                    c.date = t.date
                    c.trace.append(f"date {t.date} <- the {t.type} it was made in")
                    break
        for c in events:
            if c.type not in ("SupplyRequest", "TechTransferRequest") or c.roles.get("addressee"):
                continue
            req = c.party("requester")
            for t in (e for e in events if e.type in ("PhoneCall", "Meeting")):
                others = [a for a in t.roles.get("participants", []) if a.party != req]
                if req in t.parties() and len({a.party for a in others}) == 1:
                    c.roles["addressee"] = others[0]
                    c.trace.append(f"addressee {others[0].party} <- the {t.type} it was made in")
                    break

    def valid(self, c: Candidate) -> bool:
        if c.type in ("PhoneCall", "Meeting"):
            return len(c.parties()) >= 2
        pair = {
            "Delivery": ("supplier", "recipient"),
            "DonationPledge": ("donor", "recipient"),
            "TechTransfer": ("provider", "recipient"),
            "PurchaseAgreement": ("seller", "buyer"),
        }
        if c.type in pair:
            a, b = pair[c.type]
            if c.party(a) is not None and c.party(a) == c.party(b):
                if b in c.weak_roles:
                    c.roles[b] = None
                    c.weak_roles.discard(b)
                else:
                    return False
        key = KEY_ROLE[c.type]
        if c.type == "DonationPledge":
            return c.roles.get("donor") is not None or c.roles.get("recipient") is not None
        if c.type == "Approval":
            return c.roles.get(key) is not None and c.vaccine is not None
        return c.roles.get(key) is not None

    def _state(self, party: str | None) -> str | None:
        """A state producer stands for its state (EVENTS.md §1) when comparing events."""
        if party and party in self.f.registry.org_ids:
            o = self.f.registry.org(party)
            if o.state_owned and o.country:
                return o.country
        return party

    @staticmethod
    def _compatible(a: Any, b: Any) -> bool:
        return a is None or b is None or a == b

    def same_event(self, o: Candidate, c: Candidate) -> bool:
        if o.type == "Meeting" and o.parties() == c.parties():
            return True
        if not self._compatible(o.date, c.date) and o.type not in ("PhoneCall",):
            return False
        if o.type == "PhoneCall":
            a, b = o.parties(), c.parties()
            return bool(a & b) and (
                a <= b or b <= a or "participants" in o.weak_roles | c.weak_roles
            )
        if o.type == "Meeting":
            return bool(o.parties() & c.parties()) and (
                len(o.parties() & c.parties()) >= 2
                or min(len(o.parties()), len(c.parties())) <= 1
                or o.parties() == c.parties()
            )
        vac_ok = self._compatible(o.vaccine and o.vaccine.id, c.vaccine and c.vaccine.id)
        dose_ok = self._compatible(o.doses, c.doses)
        for role in ROLE_ORDER[o.type]:
            if role in o.weak_roles or role in c.weak_roles:
                continue
            a, b = o.party(role), c.party(role)
            if role != KEY_ROLE.get(o.type):
                a, b = self._state(a), self._state(b)
            if not self._compatible(a, b):
                return False
        if o.type == "Approval":
            return vac_ok
        return vac_ok and dose_ok

    def absorb(self, o: Candidate, c: Candidate) -> None:
        if o.type in ("PhoneCall", "Meeting"):
            have = o.parties()
            for a in c.roles.get("participants", []):
                if a.party not in have:
                    o.roles["participants"].append(a)
                    have.add(a.party)
            if o.roles.get("location") is None and c.roles.get("location") is not None:
                o.roles["location"] = c.roles["location"]
        else:
            for role in ROLE_ORDER[o.type]:
                if c.roles.get(role) is None:
                    continue
                if o.roles.get(role) is None or (role in o.weak_roles and role not in c.weak_roles):
                    o.roles[role] = c.roles[role]
                    if role not in c.weak_roles:
                        o.weak_roles.discard(role)
        if o.date is not None and c.date is not None and o.date != c.date:
            o.date = None
            o.date_conflict = True
        elif o.date is None and not o.date_conflict:
            o.date = c.date
        o.vaccine = o.vaccine or c.vaccine
        o.doses = o.doses if o.doses is not None else c.doses
        o.money = o.money or c.money
        if o.approval == "unspecified":
            o.approval = c.approval
        if o.channel == "unspecified":
            o.channel = c.channel
        for ev in c.evidence:
            if ev not in o.evidence:
                o.evidence.append(ev)
        o.trace.extend(["-- merged --", *c.trace])
        o.confidence = min(1.0, o.confidence + 0.05)


def to_event(c: Candidate, text: str) -> Any:
    """The pydantic event for a candidate."""
    cls = EVENT_CLASSES[c.type]
    data: dict[str, Any] = {
        "date": c.date,
        "rule": c.rule,
        "confidence": round(c.confidence, 2),
        "evidence": tuple(Evidence(text=text[s:e], start=s, end=e) for s, e in sorted(c.evidence)),
    }
    for role in ROLE_ORDER[c.type]:
        value = c.roles.get(role)
        if role == "participants":
            data[role] = tuple(value or ())
        elif isinstance(value, list):
            data[role] = value[0] if value else None
        else:
            data[role] = value
    if "vaccine" in cls.model_fields:
        data["vaccine"] = c.vaccine
    if "doses" in cls.model_fields:
        data["doses"] = c.doses
    if "money" in cls.model_fields:
        data["money"] = c.money
    if c.type == "Approval":
        data["approval"] = c.approval
    if c.type == "Delivery":
        data["channel"] = c.channel
    return cls(**data)


def find_events(
    doc: Doc, ents: DocEntities, published: dt.date | None, finder: EventFinder | None = None
) -> list[Candidate]:
    """Candidates (merged) for ``doc``; see :func:`to_event` for the models."""
    return (finder or EventFinder(doc.vocab))(doc, ents, published)
