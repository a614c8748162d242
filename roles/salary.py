"""Salary figures and the display strings derived from them.

Amounts are stored once as integers; every string a reader sees ("$125,000–$175,000",
"+20–40%", "$8,000–$12,000/mo", "0–2 yrs") is computed here, never typed by an editor.
"""

from dataclasses import dataclass, field, fields

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


MAX_YEARS_OF_EXPERIENCE = 50
MAX_PERCENT = 1000
# Far above any real pay, far below GraphQL's Int (2,147,483,647).
MAX_ANNUAL_AMOUNT = 10_000_000
MAX_MONTHLY_AMOUNT = 1_000_000


def stored(
    most, *, help_text="", description=None, above=None, label=None, display=None, money=False
):
    """A stored amount of a row: optional, 0 to `most`. `above` names the range's lower end
    (this is its upper end, which must not be below it; `label` names the range in messages,
    `display` the property that shows it); `money` when it is in the table's currency.
    `description` is its GraphQL description."""
    metadata = {"most": most, "help_text": help_text, "description": description}
    metadata.update(above=above, label=label, display=display, money=money)
    return field(default=None, metadata=metadata)


@dataclass(frozen=True)
class SalaryRow:
    """One level of a salary table, with its currency, as the API serves it.

    The one definition of a row: the editor's block (`roles/blocks.py: SalaryRowBlock`), its
    validation, the GraphQL type (`roles/graphql_types.py`) and the mapping from a stored
    table (`table_rows`) are all derived from these fields and their metadata. The display
    properties follow the range they display, in the GraphQL type too.
    """

    level: str = field(
        default="",
        metadata={
            "max_length": 80,
            "help_text": "e.g. 'Entry-Level' or 'Intern'.",
            "description": "e.g. 'Entry-Level'.",
            "display": "level_display",
        },
    )
    currency: str | None = field(
        default=None,
        metadata={"from_table": True, "description": "ISO 4217 code of every amount in the row."},
    )
    experience_min_years: int | None = stored(MAX_YEARS_OF_EXPERIENCE)
    experience_max_years: int | None = stored(
        MAX_YEARS_OF_EXPERIENCE,
        above="experience_min_years",
        label="experience",
        display="experience_display",
    )
    base_salary_min: int | None = stored(
        MAX_ANNUAL_AMOUNT,
        help_text="Annual base salary, whole units.",
        description="Annual base salary, lower end.",
        money=True,
    )
    base_salary_max: int | None = stored(
        MAX_ANNUAL_AMOUNT,
        description="Annual base salary, upper end.",
        above="base_salary_min",
        label="base salary",
        display="base_salary_display",
        money=True,
    )
    equity_bonus_percent_min: int | None = stored(
        MAX_PERCENT, help_text="Equity and bonus on top of base, in percent."
    )
    equity_bonus_percent_max: int | None = stored(
        MAX_PERCENT,
        above="equity_bonus_percent_min",
        label="equity/bonus",
        display="equity_bonus_display",
    )
    intern_monthly_min: int | None = stored(
        MAX_MONTHLY_AMOUNT,
        help_text="Monthly intern pay, whole units.",
        description="Monthly intern pay, lower end.",
        money=True,
    )
    intern_monthly_max: int | None = stored(
        MAX_MONTHLY_AMOUNT,
        description="Monthly intern pay, upper end.",
        above="intern_monthly_min",
        label="intern pay",
        display="intern_monthly_display",
        money=True,
    )

    @property
    def experience_display(self):
        """e.g. '0–2 yrs'."""
        text = format_range(self.experience_min_years, self.experience_max_years)
        return f"{text} yrs" if text else None

    @property
    def base_salary_display(self):
        """e.g. '$125,000–$175,000'."""
        return format_money_range(self.base_salary_min, self.base_salary_max, self.currency)

    @property
    def equity_bonus_display(self):
        """e.g. '+20–40%'."""
        return format_range(
            self.equity_bonus_percent_min, self.equity_bonus_percent_max, prefix="+", suffix="%"
        )

    @property
    def intern_monthly_display(self):
        """e.g. '$8,000–$12,000/mo'."""
        return format_money_range(
            self.intern_monthly_min, self.intern_monthly_max, self.currency, suffix="/mo"
        )

    @property
    def level_display(self):
        """The level with its experience, e.g. 'Entry-Level (0–2 yrs)'."""
        years = self.experience_display
        return f"{self.level} ({years})" if years else self.level


def row_fields():
    """The fields an editor fills in for a row (the currency is the table's)."""
    return [f for f in fields(SalaryRow) if not f.metadata.get("from_table")]


def money_fields():
    return [f.name for f in row_fields() if f.metadata.get("money")]


def ordered_ranges():
    """(low, high, label) for every range whose ends must be in order."""
    return [
        (f.metadata["above"], f.name, f.metadata["label"])
        for f in row_fields()
        if f.metadata.get("above")
    ]


def table_rows(values):
    """The rows of a stored salary table value as `SalaryRow`s carrying the table's currency."""
    currency = values.get("currency") or None
    names = [f.name for f in row_fields()]
    return [
        SalaryRow(currency=currency, **{name: row.get(name) for name in names})
        for row in values["rows"]
    ]
