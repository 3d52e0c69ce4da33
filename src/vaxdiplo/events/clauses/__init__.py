"""Clause analysis, the same for every event type: the actors of a sentence
(:mod:`.actors`), their relation to a trigger (:mod:`.arguments`), and the scope of
the trigger's clause: negation, modality, plans, running totals (:mod:`.scope`)."""

from vaxdiplo.events.clauses.arguments import arguments, relation
from vaxdiplo.events.clauses.scope import mood

__all__ = ["arguments", "mood", "relation"]
