"""Every edition of a role, and each guide's previous edition, loaded in batches per request.

`RoleGuidePage.editions`, `RoleGuidePage.previousEdition` and
`SalaryRow.changeFromPreviousEdition` are asked of every guide of a listing. graphql-core
resolves a listing's guides one after the other, so the first guide that asks loads what every
guide the request has served so far will need, in one query each:

- the live, public editions of their roles (one query for all the roles, bodies deferred, at
  most `MAX_EDITIONS` per role, cut in SQL);
- previous editions named by `previous_edition` that are not among those (another role's
  guide, when a role was renamed): one more query, only when there are any;
- the bodies of the previous editions of the guides whose own body is served (for the salary
  changes), or of every edition handed out, when an edition's `body` is asked: one query.

Guides are made known to the loader by the fields that serve them (`expect`): `roleGuides`
does it for its whole page before the first guide is resolved; `editions` and
`previousEdition` for what they return. A guide reached another way (grapple's `pages`,
`search`) is made known when it first asks, so such a list loads per guide.

Content is always the live content (the page row, not a draft revision), so a draft preview
of a new edition is compared with what readers see of the previous one. Answers built from
editions carry their role's tag (`role_tag`: 'listing:roles.roleguidepage:role=<slug>'), which
a change to any guide of the role bumps (roles/apps.py registers it): a guide published,
unpublished or moved may join, leave or reorder its role's editions, and no other role's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from cms import cache_tags
from cms.api import loaders
from roles.models import MAX_YEAR, MIN_YEAR, RoleGuidePage

if TYPE_CHECKING:
    from collections.abc import Iterable

# One edition a year from MIN_YEAR to MAX_YEAR: the most `editions` returns, cut in SQL (two
# guides of a role in one year are both editions; past the cut, the oldest are left out).
MAX_EDITIONS = MAX_YEAR - MIN_YEAR + 1


def newest_first():
    """The order of a role's editions: newest year first; on the same year, the older page."""
    return (F("year").desc(), F("pk").asc())


def has_body(guide: RoleGuidePage) -> bool:
    return "body" in guide.__dict__  # not deferred


class EditionLoader:
    """The editions of the roles a request serves (one per request: `edition_loader()`)."""

    def __init__(self) -> None:
        self.expected: dict[int, RoleGuidePage] = {}  # id(guide) -> a guide served
        self.roles: dict[str, list[RoleGuidePage]] = {}  # role slug -> editions, newest first
        self.by_pk: dict[int, RoleGuidePage] = {}  # every live public edition loaded
        self.absent: set[int] = set()  # previous editions named, looked for, not live

    def expect(self, guides: Iterable[RoleGuidePage]) -> None:
        """`guides` are served: what they miss is loaded with the next batch."""
        for guide in guides:
            self.expected.setdefault(id(guide), guide)

    def load(self) -> None:
        """Load what the expected guides miss, one query each: their roles' editions, then
        the previous editions they name outside those."""
        slugs = {g.role_slug for g in self.expected.values() if g.role_slug} - set(self.roles)
        if slugs:
            self.roles.update((slug, []) for slug in slugs)
            for edition in live_editions(slugs):
                self.roles[edition.role_slug].append(edition)
                self.by_pk[edition.pk] = edition
        named = {g.previous_edition_id for g in self.expected.values()} - {None}
        missing = named - set(self.by_pk) - self.absent
        if missing:
            found = live_guides().filter(pk__in=missing).defer_streamfields()
            self.by_pk.update((guide.pk, guide) for guide in found)
            self.absent |= missing - set(self.by_pk)

    def editions(self, guide: RoleGuidePage) -> list[RoleGuidePage]:
        """Every live public edition of `guide`'s role, newest first, `guide` included when
        it is live (a guide without a role slug is its own only edition)."""
        record_role(guide)
        if not guide.role_slug:
            return [guide] if guide.live and not loaders.is_restricted(guide) else []
        self.expect([guide])
        if guide.role_slug not in self.roles:
            self.load()
        found = self.roles[guide.role_slug]
        self.expect(found)
        return found

    def previous_edition(self, guide: RoleGuidePage) -> RoleGuidePage | None:
        """The guide's `previous_edition` when it is live and public, else the newest live
        public edition of its role from an earlier year; None when there is none."""
        record_role(guide)
        self.expect([guide])
        named = guide.previous_edition_id
        if named is not None and named != guide.pk:
            # Served or not, the named guide decides the answer (it may go live later).
            loaders.record_tags(cache_tags.tag_for(RoleGuidePage, named))
            if named not in self.by_pk and named not in self.absent:
                self.load()
            if named in self.by_pk:
                return self.expecting(self.by_pk[named])
        earlier = (edition for edition in self.editions(guide) if edition.year < guide.year)
        return self.expecting(next(earlier, None))

    def expecting(self, guide: RoleGuidePage | None) -> RoleGuidePage | None:
        if guide is not None:
            self.expect([guide])
        return guide

    def with_body(self, guide: RoleGuidePage) -> RoleGuidePage:
        """`guide` with its live body loaded. Deferred bodies load together: those of the
        previous editions of the guides whose body is served (what their salary changes
        compare with), or else those of every edition this loader handed out."""
        if has_body(guide):
            return guide
        batch = [g for g in self.previous_editions_of_served() if not has_body(g)]
        if not any(g is guide for g in batch):
            batch = [g for g in self.by_pk.values() if not has_body(g)]
            if not any(g is guide for g in batch):
                batch.append(guide)
        bodies = RoleGuidePage.objects.filter(pk__in={g.pk for g in batch})
        found = dict(bodies.values_list("pk", "body"))
        for loaded in batch:
            loaded.body = found.get(loaded.pk, [])
        return guide

    def previous_editions_of_served(self) -> list[RoleGuidePage]:
        """The previous editions of the expected guides whose body is loaded (served)."""
        found: dict[int, RoleGuidePage] = {}
        for guide in list(self.expected.values()):
            if has_body(guide):
                previous = self.previous_edition(guide)
                if previous is not None:
                    found[id(previous)] = previous
        return list(found.values())


def live_guides():
    from roles.schema import visible_guides  # roles.schema imports this module

    return visible_guides()


def live_editions(slugs: set[str]) -> Iterable[RoleGuidePage]:
    """The live public editions of the roles `slugs`, newest first, at most MAX_EDITIONS each
    (cut in SQL by a row number over each role, on the (role_slug, year) index)."""
    rank = Window(RowNumber(), partition_by=F("role_slug"), order_by=newest_first())
    return (
        live_guides()
        .filter(role_slug__in=slugs)
        .defer_streamfields()
        .annotate(edition_rank=rank)
        .filter(edition_rank__lte=MAX_EDITIONS)
        .order_by("role_slug", "-year", "pk")
    )


def role_tag(role_slug: str) -> str:
    """The cache tag of every answer that lists a role's editions: a change to any guide of
    the role makes it stale (registered in roles/apps.py), a change to another role's not.
    The slug is percent-encoded: an HTTP header carries ASCII ('role=%E6%95%B0…')."""
    return cache_tags.scoped_listing_tag(RoleGuidePage, f"role={quote(role_slug)}")


def role_tags(guide: RoleGuidePage) -> set[str]:
    """What a change to `guide` makes stale among the edition answers: its role's."""
    return {role_tag(guide.role_slug)} if guide.role_slug else set()


def record_role(guide: RoleGuidePage) -> None:
    loaders.record_tags(*role_tags(guide))


def edition_loader() -> EditionLoader:
    """The request's EditionLoader (a fresh one outside a request)."""
    return loaders.memo("roles.editions", EditionLoader)
