"""The event layer: from resolved mentions to events. See ``README.md`` in this folder
for the flow and the file of each step."""

from vaxdiplo.events.candidate import Arg, Candidate, to_event
from vaxdiplo.events.checks import checks
from vaxdiplo.events.finder import EventFinder, find_events

__all__ = ["Arg", "Candidate", "EventFinder", "checks", "find_events", "to_event"]
