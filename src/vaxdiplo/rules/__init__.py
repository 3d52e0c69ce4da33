"""The rule language and the packaged rules: trigger rules as typed data
(:mod:`vaxdiplo.rules.base`) and the packaged rule file ``triggers.json``. The
machinery that applies them is :mod:`vaxdiplo.events`."""

from vaxdiplo.rules.base import TriggerRule, load_rules


def __getattr__(name: str):
    # EventFinder and find_events live in vaxdiplo.events (which imports this package)
    if name in ("EventFinder", "find_events"):
        from vaxdiplo.events import finder

        return getattr(finder, name)
    raise AttributeError(name)


__all__ = ["EventFinder", "TriggerRule", "find_events", "load_rules"]
