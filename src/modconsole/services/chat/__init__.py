"""Chat exports (Telegram, QQ, message tables) turned into member activity and flags."""
