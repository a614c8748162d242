"""One place that turns a client's search text into something every search backend accepts.

Wagtail's database backends pass the words of a query into SQL full-text syntax (SQLite FTS5
`MATCH`, PostgreSQL `to_tsquery`) without escaping quotes, and nest one SQL expression per
word: a stray `"` or a long run of words made them fail with a database error or a
RecursionError. Here a query keeps only its words (letters and digits, with inner `.` or `-`
as in `node.js`, and trailing `+`/`#` as in `c++`, `c#`), so operators, quotes and field
syntax (`a:b`) are plain separators, and one-letter words are dropped; its length and number
of words are capped.
"""

import re

from cms.api.errors import ApiError
from cms.api.limits import limit

# The most results a search reads (offset + page size): deep pages of a full-text search cost
# what they read, not what they return.
MAX_SEARCH_WINDOW = 1000


def check_search_window(offset: int, size: int) -> None:
    if offset + size > MAX_SEARCH_WINDOW:
        raise ApiError(f"Search reads at most the first {MAX_SEARCH_WINDOW} results.")


WORD = re.compile(r"\w+(?:[.\-]\w+)*[+#]*")


def clean_search_query(text: object) -> str | None:
    """The words of `text` joined by spaces, or None when it has none (search nothing).

    Raises ApiError (BAD_USER_INPUT) when `text` is longer than MAX_SEARCH_QUERY_LENGTH
    characters or has more than MAX_SEARCH_TERMS words.
    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise ApiError("A search query must be a string.")
    max_length = limit("MAX_SEARCH_QUERY_LENGTH")
    if len(text) > max_length:
        raise ApiError(f"A search query may be at most {max_length} characters long.")
    words = WORD.findall(text)
    max_terms = limit("MAX_SEARCH_TERMS")
    if len(words) > max_terms:
        raise ApiError(f"A search query may have at most {max_terms} words.")
    # One-letter words are left out: as the last word is matched as a prefix, "a" would
    # match most of the index, for nothing a reader wants.
    return " ".join(word for word in words if len(word) > 1) or None
