"""The moderator's queue: cases in priority order, decided with the keyboard."""
