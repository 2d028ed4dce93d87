"""Amounts as people type and read them (¥1,200.50), stored as whole cents."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from modconsole.domain.messages import N_

MAX_CENTS = 10**12


class MoneyError(ValueError):
    """Text that is not an amount; the message says why."""


def parse_cents(text: str) -> int | None:
    """'1,200.5', '¥300', '300元' → cents; empty → None. Negative amounts are refused."""
    cleaned = (text or "").strip().replace(",", "").replace("，", "").replace("¥", "")
    cleaned = cleaned.replace("￥", "").removesuffix("元").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise MoneyError(N_("money", "'{text}' is not an amount; type it like "
                                     "1200 or 1,200.50").format(text=text)) from None
    if not value.is_finite() or value < 0:
        raise MoneyError(N_("money", "'{text}' is not an amount of zero or more").format(text=text))
    if value != value.quantize(Decimal("0.01")):
        raise MoneyError(N_("money", "'{text}' has more than two decimal places").format(text=text))
    cents = int(value * 100)
    if cents > MAX_CENTS:
        raise MoneyError(N_("money", "'{text}' is too large").format(text=text))
    return cents


def format_cents(cents: int | None) -> str:
    return "" if cents is None else f"{cents / 100:,.2f}"
