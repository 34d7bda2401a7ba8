"""The task feature: its rows, its statements, its services, list cursors, idempotent creates
and the trash's expiry."""
