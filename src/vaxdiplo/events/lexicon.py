"""Word lists of the rule layer, as data: one place to read and extend them.

Each list is a ``frozenset`` of case-folded forms (see :func:`vaxdiplo._text.fold`);
:func:`forms_match` tests a token's text or lemma against one.
"""

from __future__ import annotations

from spacy.tokens import Token

from vaxdiplo._text import fold
from vaxdiplo.entities import VACCINE_NOUNS

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
    "procurement donate donation donations sources source procuring acquire acquiring obtain "
    "obtaining secure securing send sending help assist".split()
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
THANK_VERBS = frozenset(
    "thank thanked thanks appreciate appreciated praise praised gratitude appreciation".split()
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
    "alliance": "international_org",
    "initiative": "international_org",
    "mechanism": "international_org",
    "programme": "international_org",
    "program": "international_org",
    "scheme": "international_org",
}
REFERENCE_ADJECTIVES = frozenset(
    "global international world vaccine vaccines un u.n. sharing".split()
)
"""Words between "the" and a noun that refers back ("the global alliance")."""


def forms_match(tok: Token, words: frozenset[str]) -> bool:
    """The token's folded text or its lemma is in ``words``."""
    return fold(tok.text) in words or tok.lemma_.lower() in words
