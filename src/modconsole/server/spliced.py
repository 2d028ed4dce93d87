"""JSON answers made around payloads the server stored as JSON text.

A pull or snapshot page is thousands of rows whose payloads the server wrote
as JSON itself; parsing them and having pydantic print them again cost more
than reading them (a 2,000-change pull page: most of the request). The
routes still declare their response models, so the OpenAPI schema (and
schemathesis) hold them to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

# json.dumps(value, ensure_ascii=False), without making an encoder per call (a push makes
# several hundred thousand small documents)
to_json = json.JSONEncoder(ensure_ascii=False).encode


def json_rows(names: tuple[str, ...], rows: Iterable[tuple]) -> str:
    """A JSON array of one object per row; each row's last value is stored JSON text,
    spliced in as it is, the others are encoded."""
    *plain, stored = names
    keys = [json.dumps(name) + ":" for name in plain]
    return "[" + ",".join(
        "{" + ",".join(key + json.dumps(value) for key, value in zip(keys, row, strict=False))
        + f',"{stored}":{row[-1]}}}' for row in rows) + "]"
