"""The back office (SQLAdmin at /admin) for support staff."""
