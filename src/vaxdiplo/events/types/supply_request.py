"""``SupplyRequest``: a state asks another state, an organisation or a company for
doses. Triggers are the ``Request`` rules (see :mod:`.request`, which decides whether a
request asks for supplies, technology or both)."""

from __future__ import annotations

from vaxdiplo.events.types.request import fill_request as fill
from vaxdiplo.events.types.request import reject_request as reject

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "SupplyRequest"
RECENT_VACCINE = "with_doses"
"""Take the previous sentences' vaccine when the request names doses but no vaccine."""
