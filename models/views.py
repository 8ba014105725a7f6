"""SQL views that make the store browsable (Datasette, DB Browser for SQLite, psql).

`items_current` is the register as it stands: each current item with its current version and
document, the analysts' corrections in force applied (text, addressees, deadline; rejected items
left out), as exports show it; `item_history` lists every extracted version with its run;
`item_addressees` has one row per item and addressee or partner; `register` is the register
layout with addressees joined by "; ". The views are created (or replaced when their definition
changed) whenever the tables are. Corrections and the JSON-flattening views need SQLite's JSON1
or PostgreSQL; other databases get the extracted values and the first two views only.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, Engine, inspect, text

ITEMS_CURRENT = """
SELECT i.id AS item_id, d.sha256 AS document_sha256, d.file, d.title AS report_title,
       d.publisher, d.published, d.source AS source_url, i.kind, i.number, i.parent, i.position,
       v.text, v.page_start, v.page_end, v.addressees, v.partners, v.deadline_text,
       v.deadline_date, v.deadline_kind, v.deadline_granularity, v.id AS version_id,
       v.run_id AS extracted_in_run, v.created_at AS extracted_at
FROM items AS i
JOIN item_versions AS v ON v.id = i.current_version_id
JOIN documents AS d ON d.sha256 = i.document_sha256
WHERE i.removed_in_run IS NULL
"""

# Per dialect: a JSON string column as text, one member of a JSON object as text, text as a date.
_JSON_READ: dict[str, tuple[str, str, str]] = {
    "sqlite": ("json_extract({x}, '$')", "json_extract({x}, '$.{k}')", "{x}"),
    "postgresql": (
        "(CAST({x} AS json) #>> '{{}}')",
        "(CAST({x} AS json) ->> '{k}')",
        "CAST({x} AS date)",
    ),
}


def _items_corrected(dialect: str) -> str:
    """items_current with the newest correction in force of each field applied, and `corrected`.

    Rejected items are left out; the columns are those of ITEMS_CURRENT, plus `corrected`.
    """
    as_text, member, as_date = _JSON_READ[dialect]

    def field(k: str) -> str:
        return member.format(x="cd.value", k=k)

    # Built from this module's constants only (field names, dialect snippets): no input reaches it.
    def newest(name: str) -> str:
        return (
            "(SELECT max(c.id) FROM corrections AS c WHERE c.item_id = i.id "  # noqa: S608
            f"AND c.superseded_by IS NULL AND c.field = '{name}')"
        )

    return f"""
SELECT i.id AS item_id, d.sha256 AS document_sha256, d.file, d.title AS report_title,
       d.publisher, d.published, d.source AS source_url, i.kind, i.number, i.parent, i.position,
       CASE WHEN ct.id IS NULL THEN v.text ELSE {as_text.format(x="ct.value")} END AS text,
       v.page_start, v.page_end,
       CASE WHEN ca.id IS NULL THEN v.addressees ELSE ca.value END AS addressees,
       v.partners,
       CASE WHEN cd.id IS NULL THEN v.deadline_text ELSE {field("text")} END AS deadline_text,
       CASE WHEN cd.id IS NULL THEN v.deadline_date
            ELSE {as_date.format(x=field("date"))} END AS deadline_date,
       CASE WHEN cd.id IS NULL THEN v.deadline_kind ELSE {field("kind")} END AS deadline_kind,
       CASE WHEN cd.id IS NULL THEN v.deadline_granularity
            ELSE {field("granularity")} END AS deadline_granularity,
       v.id AS version_id, v.run_id AS extracted_in_run, v.created_at AS extracted_at,
       CASE WHEN ct.id IS NULL AND ca.id IS NULL AND cd.id IS NULL THEN 0 ELSE 1 END
           AS corrected
FROM items AS i
JOIN item_versions AS v ON v.id = i.current_version_id
JOIN documents AS d ON d.sha256 = i.document_sha256
LEFT JOIN corrections AS ct ON ct.id = {newest("text")}
LEFT JOIN corrections AS ca ON ca.id = {newest("addressees")}
LEFT JOIN corrections AS cd ON cd.id = {newest("deadline")}
WHERE i.removed_in_run IS NULL AND {newest("reject")} IS NULL
"""  # noqa: S608


ITEM_HISTORY = """
SELECT v.item_id, v.id AS version_id, v.run_id, r.started_at AS run_started_at,
       r.tool_version, i.kind, i.number, d.file, d.title AS report_title, v.content_hash,
       v.text, v.addressees, v.partners, v.deadline_text, v.deadline_date, v.deadline_kind,
       CASE WHEN i.current_version_id = v.id THEN 1 ELSE 0 END AS is_current,
       i.removed_in_run
FROM item_versions AS v
JOIN items AS i ON i.id = v.item_id
JOIN documents AS d ON d.sha256 = i.document_sha256
JOIN runs AS r ON r.id = v.run_id
"""

# Per dialect: the rows of a JSON list column as `value`, and a "; " string aggregate.
_JSON_EACH = {
    "sqlite": "json_each({column})",
    "postgresql": "json_array_elements_text(CAST({column} AS json)) AS j(value)",
}
_JOIN = {
    "sqlite": "group_concat(value, '; ')",
    "postgresql": "string_agg(value, '; ')",
}


_ADDRESSEE_ROWS = """
SELECT c.item_id, 'ROLE' AS role, value AS body_id, c.document_sha256, c.report_title, c.kind,
       c.number
FROM items_current AS c, EACH
"""

_REGISTER = """
SELECT c.item_id AS recwatch_id, c.report_title, c.publisher, c.published, c.kind, c.number,
       c.parent, c.text, (SELECT JOINED FROM EACH_ADDRESSEES) AS addressees,
       (SELECT JOINED FROM EACH_PARTNERS) AS partners, c.deadline_text, c.deadline_date,
       c.deadline_kind,
       CASE WHEN c.page_start = c.page_end THEN CAST(c.page_start AS TEXT)
            ELSE CAST(c.page_start AS TEXT) || '-' || CAST(c.page_end AS TEXT) END AS pages,
       c.source_url, c.extracted_in_run, c.file
FROM items_current AS c
"""


def _each(dialect: str, column: str) -> str:
    """Return the table function listing a JSON list column of items_current."""
    return _JSON_EACH[dialect].replace("{column}", f"c.{column}")


def _item_addressees(dialect: str) -> str:
    """Return the item_addressees view body for a dialect with JSON list functions."""
    return "UNION ALL".join(
        _ADDRESSEE_ROWS.replace("ROLE", role).replace("EACH", _each(dialect, column))
        for role, column in (("addressee", "addressees"), ("partner", "partners"))
    )


def _register(dialect: str) -> str:
    """Return the register view body (the export's register layout, addressees as ids)."""
    return (
        _REGISTER.replace("JOINED", _JOIN[dialect])
        .replace("EACH_ADDRESSEES", _each(dialect, "addressees"))
        .replace("EACH_PARTNERS", _each(dialect, "partners"))
    )


def view_definitions(dialect: str) -> dict[str, str]:
    """Return the views for a dialect, in creation order (name → SELECT)."""
    views = {
        "items_current": _items_corrected(dialect) if dialect in _JSON_READ else ITEMS_CURRENT,
        "item_history": ITEM_HISTORY,
    }
    if dialect in _JSON_EACH:
        views["item_addressees"] = _item_addressees(dialect)
        views["register"] = _register(dialect)
    return views


VIEW_NAMES = ("items_current", "item_history", "item_addressees", "register")


def drop_views(connection: Connection) -> None:
    """Drop every browsing view, dependants first (migrations run without them)."""
    for name in reversed(VIEW_NAMES):
        connection.execute(text(f"DROP VIEW IF EXISTS {name}"))


def create_views(engine: Engine) -> None:
    """Create the browsing views, replacing them when their definition changed.

    SQLite keeps each view's SQL, which is compared as it is; elsewhere a fingerprint of all the
    definitions is kept as the comment of `items_current`, and all views are rebuilt when it
    differs (dependants dropped first).
    """
    dialect = engine.dialect.name
    views = view_definitions(dialect)
    existing = set(inspect(engine).get_view_names())
    with engine.begin() as conn:
        if dialect != "sqlite":
            marker = _fingerprint(views)
            if existing >= set(views) and _comment(conn, dialect) == marker:
                return
            drop_views(conn)
            for name, body in views.items():
                conn.execute(text(f"CREATE VIEW {name} AS {body.strip()}"))
            if dialect == "postgresql":
                conn.execute(text(f"COMMENT ON VIEW items_current IS '{marker}'"))
            return
        for name, body in views.items():
            sql = f"CREATE VIEW {name} AS {body.strip()}"
            if name in existing:
                if inspect(conn).get_view_definition(name) == sql:
                    continue
                conn.execute(text(f"DROP VIEW {name}"))
            conn.execute(text(sql))


def _fingerprint(views: dict[str, str]) -> str:
    """A short, stable name for this set of view definitions."""
    digest = hashlib.sha256(json.dumps(views, sort_keys=True).encode()).hexdigest()[:16]
    return f"recwatch views {digest}"


def _comment(conn: Connection, dialect: str) -> str | None:
    """The fingerprint kept with the views (PostgreSQL), or None."""
    if dialect != "postgresql":
        return None
    value = conn.execute(
        text("SELECT obj_description(to_regclass('items_current'), 'pg_class')")
    ).scalar()
    return str(value) if value is not None else None
