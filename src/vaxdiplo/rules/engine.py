"""Kept for compatibility: the rule engine now lives in :mod:`vaxdiplo.events`."""

from vaxdiplo.events.candidate import Candidate, to_event
from vaxdiplo.events.finder import EventFinder, find_events

__all__ = ["Candidate", "EventFinder", "find_events", "to_event"]
