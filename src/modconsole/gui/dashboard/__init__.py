"""The dashboard workspace."""
