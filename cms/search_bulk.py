"""Adding many new rows to the search index at once, for bulk loads (generated content).

On PostgreSQL, Wagtail's database search backend builds each index entry in Python: one SQL
expression per field and object, compiled by Django, then after every batch an average over
the whole index (`title_norm`). At 100,000 guides that is most of the load's time. Here the
entries are computed by the database itself, in one `INSERT … SELECT` per batch, from the
same expressions the backend uses (`setweight(to_tsvector(…), weight)` per field, joined
with `||`), and the average is refreshed once at the end (`finish`). The entries are the
backend's own: `tests/cms/test_search_bulk.py` compares them with what `add_bulk` writes.

Any other backend, or a model whose search fields are not plain columns, goes through the
backend's `add_bulk`.
"""

from __future__ import annotations

import operator
from functools import reduce
from typing import TYPE_CHECKING

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, router
from django.db.models import CharField, F, Func, TextField, Value
from django.db.models.functions import Cast, NullIf
from wagtail.search import index
from wagtail.search.backends import get_search_backends

if TYPE_CHECKING:
    from collections.abc import Sequence

    from django.db.models import Model


def postgres_backend_class():
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    except ImportError:  # psycopg missing: no PostgreSQL backend can be configured either
        return None
    return PostgresSearchBackend


def column_fields(model: type[Model]) -> list[index.BaseField] | None:
    """The model's search and autocomplete fields, or None unless each is a plain text column
    whose stored text is what the backend indexes: a non-null CharField or TextField. (The
    backend indexes a StreamField's or rich text's searchable content, the text 'None' for a
    null, a date as Python writes it: those go through `add_bulk`.)"""
    found = []
    for field in model.get_search_fields():
        if isinstance(field, index.RelatedFields):
            return None
        if not isinstance(field, index.SearchField | index.AutocompleteField):
            continue
        try:
            column = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:  # a method or property: not a column
            return None
        if not is_plain_text(column):
            return None
        found.append(field)
    return found


def is_plain_text(column) -> bool:
    return (
        isinstance(column, CharField | TextField)
        and column.concrete
        and not column.null
        and not hasattr(column, "get_searchable_content")
    )


def vector(fields, config, weight_of):
    from django.contrib.postgres.search import SearchVector

    vectors = [
        SearchVector(F(field.field_name), weight=weight_of(field), config=config)
        for field in fields
    ]
    if not vectors:
        return SearchVector(Value("", output_field=TextField()))
    return reduce(operator.add, vectors)


# What Python's `str.strip()` removes (every character `isspace()`), as a regex bracket
# expression: PostgreSQL's `\s` is a different set (it keeps a no-break space, U+00A0).
PYTHON_WHITESPACE = "[" + "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "]"


def stripped(name):
    """The column's text without leading and trailing whitespace, NULL when nothing is left
    (as the backend's `.strip()` and its skipping of empty texts)."""
    trimmed = Func(
        Cast(F(name), TextField()),
        Value(f"^{PYTHON_WHITESPACE}+|{PYTHON_WHITESPACE}+$"),
        Value(""),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return NullIf(trimmed, Value(""))


def joined_text(fields):
    if not fields:
        return Value("", output_field=TextField())
    return Func(
        Value(" "),
        *(stripped(field.field_name) for field in fields),
        function="CONCAT_WS",
        output_field=TextField(),
    )


def insert_entries(backend, model: type[Model], pks: Sequence[int], fields) -> None:
    """One `INSERT … SELECT` writing (or rewriting) the entries of rows `pks`."""
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends.database.postgres.weights import get_weight
    from wagtail.search.models import IndexEntry

    searched = [field for field in fields if isinstance(field, index.SearchField)]
    title = [field for field in searched if field.field_name == "title"]
    body = [field for field in searched if field.field_name != "title"]
    autocomplete = [field for field in fields if isinstance(field, index.AutocompleteField)]
    rows = (
        model._base_manager.filter(pk__in=list(pks))
        .order_by()
        .annotate(
            entry_content_type=Value(ContentType.objects.get_for_model(model).pk),
            entry_object_id=Cast("pk", TextField()),
            entry_title=vector(title, backend.config, lambda f: get_weight(f.boost)),
            entry_autocomplete=vector(autocomplete, backend.autocomplete_config, lambda f: "D"),
            entry_body=vector(body, backend.config, lambda f: get_weight(f.boost)),
            entry_title_norm=Value(1.0),
            entry_title_text=joined_text(title),
            entry_body_text=joined_text(body),
        )
        .values_list(
            "entry_content_type",
            "entry_object_id",
            "entry_title",
            "entry_autocomplete",
            "entry_body",
            "entry_title_norm",
            "entry_title_text",
            "entry_body_text",
        )
    )
    connection = connections[router.db_for_write(IndexEntry)]
    select, params = rows.query.get_compiler(connection=connection).as_sql()
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "
            f"title_norm, title_text, body_text) {select} "
            "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
            "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
            "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
            params,
        )


class BulkIndexer:
    """Adds batches of new objects of one model to every search backend; `finish()` once
    after the last batch."""

    def __init__(self, model: type[Model]):
        self.model = model
        self.fields = column_fields(model)
        postgres = postgres_backend_class()
        self.backends = list(get_search_backends(with_auto_update=True))
        self.in_sql = [
            backend
            for backend in self.backends
            if postgres is not None and isinstance(backend, postgres) and self.fields is not None
        ]

    def add(self, objects: Sequence[Model]) -> None:
        """Index `objects`, rows already in the database."""
        for backend in self.backends:
            if backend in self.in_sql:
                insert_entries(backend, self.model, [obj.pk for obj in objects], self.fields)
            else:
                backend.add_bulk(self.model, objects)

    def finish(self) -> None:
        """Refresh the title norms (the index's average title length) the entries were
        written without."""
        for backend in self.in_sql:
            backend.get_index_for_model(self.model)._refresh_title_norms()
