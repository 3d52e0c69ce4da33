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
