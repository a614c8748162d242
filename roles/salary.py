"""Salary figures and the display strings derived from them.

Amounts are stored once as integers; every string a reader sees ("$125,000–$175,000",
"+20–40%", "$8,000–$12,000/mo", "0–2 yrs") is computed here, never typed by an editor.
"""

from dataclasses import dataclass

EN_DASH = "–"

# ISO 4217 codes editors can pick, with the symbol used in display strings.
CURRENCY_SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "SGD": "S$",
    "INR": "₹",
    "JPY": "¥",
    "CHF": "CHF ",
    "SEK": "SEK ",
    "NOK": "NOK ",
    "DKK": "DKK ",
    "PLN": "PLN ",
    "BRL": "R$",
    "MXN": "MX$",
    "ZAR": "R ",
    "AED": "AED ",
    "ILS": "₪",
    "KRW": "₩",
    "CNY": "CN¥",
    "HKD": "HK$",
}
CURRENCY_CHOICES = [(code, code) for code in sorted(CURRENCY_SYMBOLS)]


def format_range(low, high, *, fmt=str, prefix="", suffix=""):
    """'low–high', 'low+' or 'up to high'; None when both ends are empty."""
    if low is None and high is None:
        return None
    if high is None:
        return f"{prefix}{fmt(low)}+{suffix}"
    if low is None:
        return f"up to {prefix}{fmt(high)}{suffix}"
    if low == high:
        return f"{prefix}{fmt(low)}{suffix}"
    return f"{prefix}{fmt(low)}{EN_DASH}{fmt(high)}{suffix}"


def money(currency):
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")

    def fmt(amount):
        return f"{symbol}{amount:,}"

    return fmt


def format_money_range(low, high, currency, suffix=""):
    """'$125,000–$175,000': the currency symbol on each end, as a reader expects."""
    return format_range(low, high, fmt=money(currency), suffix=suffix)


@dataclass(frozen=True)
class SalaryRow:
    """One level of a salary table, with its currency, as the API serves it."""

    level: str
    currency: str | None
    experience_min_years: int | None = None
    experience_max_years: int | None = None
    base_salary_min: int | None = None
    base_salary_max: int | None = None
    equity_bonus_percent_min: int | None = None
    equity_bonus_percent_max: int | None = None
    intern_monthly_min: int | None = None
    intern_monthly_max: int | None = None

    @property
    def experience_display(self):
        text = format_range(self.experience_min_years, self.experience_max_years)
        return f"{text} yrs" if text else None

    @property
    def base_salary_display(self):
        return format_money_range(self.base_salary_min, self.base_salary_max, self.currency)

    @property
    def equity_bonus_display(self):
        return format_range(
            self.equity_bonus_percent_min, self.equity_bonus_percent_max, prefix="+", suffix="%"
        )

    @property
    def intern_monthly_display(self):
        return format_money_range(
            self.intern_monthly_min, self.intern_monthly_max, self.currency, suffix="/mo"
        )

    @property
    def level_display(self):
        """'Entry-Level (0–2 yrs)', or the bare level when no experience range is set."""
        years = self.experience_display
        return f"{self.level} ({years})" if years else self.level
