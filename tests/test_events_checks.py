"""Checks named in rule files are registered functions (``vaxdiplo.events.checks``)."""

from __future__ import annotations

import json

import pytest

from vaxdiplo.events.checks import checks
from vaxdiplo.rules.base import RuleFileError, TriggerRule, load_rules

RULE = {
    "id": "pledge.custom",
    "type": "DonationPledge",
    "pattern": [{"LOWER": "bestowed"}],
    "roles": {"subj": "donor", "to": "recipient"},
}


def test_events_checks_every_packaged_need_is_registered():
    names = {need for rule in load_rules() for need in rule.needs}
    assert names
    assert all(name in checks for name in names)


def test_events_checks_unknown_need_fails_with_registered_names(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps([{**RULE, "needs": ["no_such_check"]}]), encoding="utf-8")
    with pytest.raises(RuleFileError, match="no_such_check") as err:
        load_rules(str(path))
    assert "vaccine" in str(err.value)  # the message lists the registered checks


def test_events_checks_user_check_is_used(extractor):
    from vaxdiplo.events import EventFinder

    @checks.register("test_mentions_laos")
    def _mentions_laos(ctx, rule, trig, sent, facts):
        return "laos" in facts["words"]

    rule = TriggerRule.from_dict({**RULE, "needs": ["test_mentions_laos"]})
    finder = EventFinder(extractor.nlp.vocab, (rule,))
    pipe = extractor.nlp.get_pipe("vaxdiplo_events")
    kept = pipe.finder
    try:
        pipe.finder = finder
        hit = extractor.extract("China bestowed 1 million doses to Laos.", published="2021-06-01")
        miss = extractor.extract("China bestowed 1 million doses to Nepal.", published="2021-06-01")
    finally:
        pipe.finder = kept
    assert [e.to_gold()["recipient"] for e in hit.events] == ["LAO"]
    assert miss.events == ()


def test_sentence_facts_find_dates_doses_and_money_only_when_read():
    from vaxdiplo.events.context import SentenceFacts

    asked: list[str] = []

    def find(key):
        asked.append(key)
        return [(0, key)]

    facts = SentenceFacts(find, {"words": {"doses"}, "ents": []})
    assert asked == [] and "dates" not in facts
    assert facts["words"] == {"doses"}
    assert facts["doses"] == [(0, "doses")] and asked == ["doses"]
    assert facts["doses"] == [(0, "doses")] and asked == ["doses"]  # found once
    assert facts.get("money") == [(0, "money")] and asked == ["doses", "money"]
    assert facts.get("clause_vaccine") is None
    with pytest.raises(KeyError):
        facts["nothing"]
    more = facts.extended(clause_scoped=True)
    assert more["clause_scoped"] is True and more["doses"] == [(0, "doses")]
    assert more["dates"] == [(0, "dates")] and asked == ["doses", "money", "dates"]


def test_sentence_facts_match_an_eager_reading(rules_extractor):
    from vaxdiplo.events.context import DocContext
    from vaxdiplo.events.finder import main_products
    from vaxdiplo.registry import load_registry

    text = "China delivered 1 million doses worth $10 million to Laos on June 5. It arrived."
    doc = rules_extractor.process(text, published="2021-06-06")
    registry = load_registry()
    ctx = DocContext(doc, doc._.vaxdiplo_entities, doc._.vaxdiplo_published, registry,
                     main_products(registry))  # fmt: skip
    first, second = list(doc.sents)
    facts = ctx.facts(first)
    assert [m.text for _, m in facts["dates"]] == ["June 5"]
    assert [q.value for _, q in facts["doses"]] == [1_000_000]
    assert [m.amount for _, m in facts["money"]] == [10_000_000]
    assert doc[facts["dates"][0][0]].text == "June"
    assert ctx.facts(second)["dates"] == [] and ctx.facts(second)["doses"] == []
