"""``TechTransferRequest``: a state asks for vaccine technology, a licence or help to
produce locally. Triggers are the ``Request`` rules (see :mod:`.request`)."""

from __future__ import annotations

from vaxdiplo.events.types.request import fill_request as fill
from vaxdiplo.events.types.request import reject_request as reject

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "TechTransferRequest"
RECENT_VACCINE = None
