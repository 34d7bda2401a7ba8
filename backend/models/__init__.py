"""The SQLModel tables, shared by the API, the back office and the CLI (the bodies a task API
client sends and receives are `backend.tasks.schemas`): the API's users and their tasks in
`tasks`, the back office's own tables in `staff`, what all share in `base`. Importing this
package registers every table on the metadata."""

from backend.models.base import EMAIL_MAX, TRASH_KEPT, table, utcnow
from backend.models.staff import (
    AUDIT_ACTIONS,
    AUDIT_OBJECTS,
    STAFF_ROLES,
    AuditAction,
    AuditLog,
    AuditObject,
    StaffSession,
    StaffSignInThrottle,
    StaffUser,
)
from backend.models.tasks import (
    DUE_DATE_KEY,
    DUE_TIME_KEY,
    LABEL_KEYS,
    IdempotencyKey,
    Task,
    TaskSchedule,
    TaskTrash,
    TrashPurge,
    User,
)

__all__ = [
    "AUDIT_ACTIONS",
    "AUDIT_OBJECTS",
    "DUE_DATE_KEY",
    "DUE_TIME_KEY",
    "EMAIL_MAX",
    "LABEL_KEYS",
    "STAFF_ROLES",
    "TRASH_KEPT",
    "AuditAction",
    "AuditLog",
    "AuditObject",
    "IdempotencyKey",
    "StaffSession",
    "StaffSignInThrottle",
    "StaffUser",
    "Task",
    "TaskSchedule",
    "TaskTrash",
    "TrashPurge",
    "User",
    "table",
    "utcnow",
]
