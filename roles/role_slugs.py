"""Role slugs: the key every edition of a role shares ('mlops-engineer', '数据工程师').

Made from the role name with Django's slugify, keeping letters of any script, so that two
roles named in Chinese do not both get ''. Names that differ only in symbols still slugify
alike ('C++ Developer' and 'C# Developer' give 'c-developer'): the editor is asked to choose.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

ROLE_SLUG_MAX_LENGTH = 120

# Symbols that tell roles apart and that slugify drops, spelled the way people write them.
SYMBOL_SPELLINGS = {"++": "pp", "+": "plus", "#": "sharp", ".": "dot"}


def role_slug_for(role_name):
    """The role slug `role_name` gives, e.g. 'MLOps Engineer' → 'mlops-engineer'."""
    return slugify(role_name or "", allow_unicode=True)[:ROLE_SLUG_MAX_LENGTH]


def suggested_role_slug(role_name, taken_slug):
    """A role slug for `role_name` other than `taken_slug`: its symbols spelled out
    ('C++ Developer' → 'cpp-developer', 'C# Developer' → 'csharp-developer'), else the taken
    one with '-2'."""
    spelled = role_name or ""
    for symbol, spelling in SYMBOL_SPELLINGS.items():
        spelled = spelled.replace(symbol, spelling)
    suggestion = role_slug_for(spelled)
    if suggestion and suggestion != taken_slug:
        return suggestion
    return f"{taken_slug[: ROLE_SLUG_MAX_LENGTH - 2]}-2"


def check_role_slug(guide):
    """Raises ValidationError on `role_slug` when `guide` has no role slug, or when another
    role's guide (another role name, whatever its case) already uses it. One query."""
    if not guide.role_slug:
        raise ValidationError(
            {
                "role_slug": f"Give the role a slug: its name '{guide.role_name}' has no "
                "letters or digits to make one from."
            }
        )
    other_role = (
        type(guide)
        .objects.filter(role_slug=guide.role_slug)
        .exclude(role_name__iexact=guide.role_name)
        .exclude(pk=guide.pk)
        .order_by("pk")
        .values_list("role_name", flat=True)
        .first()
    )
    if other_role is not None:
        suggestion = suggested_role_slug(guide.role_name, guide.role_slug)
        raise ValidationError(
            {
                "role_slug": f"'{other_role}' already uses the role slug '{guide.role_slug}': "
                f"choose another, e.g. '{suggestion}'."
            }
        )
