"""GraphQL types for values that roles' blocks compute rather than store."""

import graphene


class SalaryRowType(graphene.ObjectType):
    """One level of a salary table: amounts as integers, ranges as min/max, plus display strings.

    An empty amount is null; a display string is null when both ends of its range are empty.
    """

    class Meta:
        name = "SalaryRow"

    level = graphene.String(required=True, description="e.g. 'Entry-Level'.")
    level_display = graphene.String(
        required=True, description="The level with its experience, e.g. 'Entry-Level (0–2 yrs)'."
    )
    currency = graphene.String(description="ISO 4217 code of every amount in the row.")
    experience_min_years = graphene.Int()
    experience_max_years = graphene.Int()
    experience_display = graphene.String(description="e.g. '0–2 yrs'.")
    base_salary_min = graphene.Int(description="Annual base salary, lower end.")
    base_salary_max = graphene.Int(description="Annual base salary, upper end.")
    base_salary_display = graphene.String(description="e.g. '$125,000–$175,000'.")
    equity_bonus_percent_min = graphene.Int()
    equity_bonus_percent_max = graphene.Int()
    equity_bonus_display = graphene.String(description="e.g. '+20–40%'.")
    intern_monthly_min = graphene.Int(description="Monthly intern pay, lower end.")
    intern_monthly_max = graphene.Int(description="Monthly intern pay, upper end.")
    intern_monthly_display = graphene.String(description="e.g. '$8,000–$12,000/mo'.")
