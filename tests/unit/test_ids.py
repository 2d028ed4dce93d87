import uuid

from modconsole.domain.ids import uuid7


def test_uuid7_has_version_variant_and_time():
    value = uuid.UUID(uuid7(1_700_000_000_123, bytes(10)))
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert value.int >> 80 == 1_700_000_000_123


def test_uuid7_sorts_by_time_and_is_reproducible():
    earlier, later = uuid7(1000, b"\xff" * 10), uuid7(1001, b"\x00" * 10)
    assert earlier < later
    assert uuid7(5, b"abcdefghij") == uuid7(5, b"abcdefghij")
    assert uuid7() != uuid7()
