"""Who is asking: API users (from their identity provider's tokens) and back-office staff."""
