"""The Replies page (phrase book), its editor and the quick-insert popup."""
