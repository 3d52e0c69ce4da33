"""The rule layer: trigger patterns (data) and role filling (functions) per event type."""

from vaxdiplo.rules.base import TriggerRule, load_rules
from vaxdiplo.rules.engine import EventFinder, find_events

__all__ = ["EventFinder", "TriggerRule", "find_events", "load_rules"]
