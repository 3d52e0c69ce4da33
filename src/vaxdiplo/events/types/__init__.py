"""One module per event type: what rejects a trigger for the type (``reject``), how its
roles and attributes are completed from the sentence (``fill``), and when it takes the
previous sentences' vaccine (``RECENT_VACCINE``). Triggers are data: the rule file
(``vaxdiplo/events/triggers.json``) maps each trigger's clause arguments to roles.

================================  ==================================================
type                              module
================================  ==================================================
PhoneCall                         :mod:`.phone_call` (participants: :mod:`.talks`)
Meeting                           :mod:`.meeting` (participants: :mod:`.talks`)
Approval                          :mod:`.approval`
DonationPledge                    :mod:`.donation_pledge`
Delivery                          :mod:`.delivery`
SupplyRequest                     :mod:`.supply_request` (shared: :mod:`.request`)
TechTransferRequest               :mod:`.tech_transfer_request` (shared: :mod:`.request`)
TechTransfer                      :mod:`.tech_transfer`
PurchaseAgreement                 :mod:`.purchase_agreement`
================================  ==================================================
"""

from __future__ import annotations

from types import ModuleType

from vaxdiplo.events.types import (
    approval,
    delivery,
    donation_pledge,
    meeting,
    phone_call,
    purchase_agreement,
    supply_request,
    tech_transfer,
    tech_transfer_request,
)
from vaxdiplo.events.types.request import request_types
from vaxdiplo.events.types.talks import participants

__all__ = ["TALKS", "TYPES", "participants", "request_types"]

TYPES: dict[str, ModuleType] = {
    m.NAME: m
    for m in (
        phone_call,
        meeting,
        approval,
        donation_pledge,
        delivery,
        supply_request,
        tech_transfer_request,
        tech_transfer,
        purchase_agreement,
    )
}
"""The module of each event type, by type name."""

TALKS = frozenset({"PhoneCall", "Meeting"})
"""Types whose parties are a set of participants."""
