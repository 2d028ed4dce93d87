"""Pure Python domain: value types, enums and rules. No Qt, no SQL."""
