"""The public task API: routes under /api/{user_id}/tasks for end-user clients with a JWT."""
