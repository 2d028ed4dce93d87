"""Tag links read by id in plain SQL, independent of the services under test."""

from sqlalchemy import text

LINKS = ("SELECT t.id, mb.id FROM member_tags mt JOIN tags t ON t.rowid = mt.tag "
         "JOIN members mb ON mb.rowid = mt.member")


def tag_links(session) -> set[tuple[str, str]]:
    """Every (tag id, member id) link."""
    return set(session.execute(text(LINKS)).all())


def holders(session, tag_id: str) -> set[str]:
    """Ids of the members holding this tag."""
    return set(session.scalars(text(f"{LINKS.replace('t.id, mb.id', 'mb.id')} "
                                    "WHERE t.id = :t"), {"t": tag_id}))
