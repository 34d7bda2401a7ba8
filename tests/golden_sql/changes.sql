-- changes
WITH existing AS 
(SELECT app_user.is_active AS is_active, app_user.created_at AS created_at 
FROM app_user 
WHERE app_user.id = %(owner_id)s::UUID), 
created AS 
(INSERT INTO app_user (id, email, name, is_active, created_at, updated_at) SELECT %(owner_id)s::UUID AS anon_1, %(email)s::VARCHAR AS anon_2, %(name)s::VARCHAR AS anon_3, true AS anon_4, now() AS now_1, now() AS now_2 
WHERE NOT (EXISTS (SELECT 1 
FROM existing)) ON CONFLICT (id) DO NOTHING), 
horizon AS 
(SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT) AS xid), 
account AS 
(SELECT coalesce((SELECT existing.is_active 
FROM existing), true) AS active)
 SELECT account.active, (SELECT horizon.xid 
FROM horizon) AS horizon, (SELECT coalesce(max(trash_purge.through_xid), -1) AS coalesce_1 
FROM trash_purge) AS purged_through, (SELECT existing.created_at 
FROM existing) AS account_since, now() AS at, page.type, page.id, page.owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels, page.deleted_at, page.change_xid 
FROM account LEFT OUTER JOIN LATERAL (SELECT merged.type AS type, merged.id AS id, merged.owner_id AS owner_id, merged.title AS title, merged.description AS description, merged.completed AS completed, merged.version AS version, merged.created_at AS created_at, merged.updated_at AS updated_at, merged.completed_at AS completed_at, merged.due_date AS due_date, merged.due_time AS due_time, merged.time_zone AS time_zone, merged.priority AS priority, merged.labels AS labels, merged.deleted_at AS deleted_at, merged.change_xid AS change_xid, merged.change_id AS change_id 
FROM ((SELECT 'upsert' AS type, CAST(task.id AS TEXT) AS id, CAST(task.owner_id AS TEXT) AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS deleted_at, task.change_xid AS change_xid, task.id AS change_id 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.change_xid, task.id) > (%(upsert_after_xid)s::BIGINT, %(upsert_after_id)s::UUID) AND task.change_xid < (SELECT horizon.xid 
FROM horizon) ORDER BY task.change_xid, task.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT 'delete' AS type, CAST(task_trash.id AS TEXT) AS id, CAST(task_trash.owner_id AS TEXT) AS owner_id, task_trash.title AS title, task_trash.description AS description, task_trash.completed AS completed, task_trash.version AS version, task_trash.created_at AS created_at, task_trash.updated_at AS updated_at, task_trash.completed_at AS completed_at, task_trash.due_date AS due_date, task_trash.due_time AS due_time, task_trash.time_zone AS time_zone, task_trash.priority AS priority, task_trash.labels AS labels, task_trash.deleted_at AS deleted_at, task_trash.change_xid AS change_xid, task_trash.id AS change_id 
FROM task_trash 
WHERE task_trash.owner_id = %(owner_id)s::UUID AND (task_trash.change_xid, task_trash.id) > (%(delete_after_xid)s::BIGINT, %(delete_after_id)s::UUID) AND task_trash.change_xid < (SELECT horizon.xid 
FROM horizon) ORDER BY task_trash.change_xid, task_trash.id 
 LIMIT %(limit)s::INTEGER)) AS merged ORDER BY merged.change_xid, merged.change_id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.change_xid, page.change_id;
