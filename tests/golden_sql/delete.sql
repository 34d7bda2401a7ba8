-- delete
WITH existing AS 
(SELECT app_user.is_active AS is_active, app_user.created_at AS created_at 
FROM app_user 
WHERE app_user.id = %(owner_id)s::UUID), 
created AS 
(INSERT INTO app_user (id, email, name, is_active, created_at, updated_at) SELECT %(owner_id)s::UUID AS anon_1, %(email)s::VARCHAR AS anon_2, %(name)s::VARCHAR AS anon_3, true AS anon_4, now() AS now_1, now() AS now_2 
WHERE NOT (EXISTS (SELECT 1 
FROM existing)) ON CONFLICT (id) DO NOTHING), 
account AS 
(SELECT coalesce((SELECT existing.is_active 
FROM existing), true) AS active), 
deleted AS 
(DELETE FROM task USING account WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels), 
trashed AS 
(INSERT INTO task_trash (id, owner_id, title, description, completed, version, created_at, updated_at, completed_at, due_date, due_time, time_zone, priority, labels, deleted_at) SELECT deleted.id AS id, deleted.owner_id AS owner_id, deleted.title AS title, deleted.description AS description, deleted.completed AS completed, deleted.version AS version, deleted.created_at AS created_at, deleted.updated_at AS updated_at, deleted.completed_at AS completed_at, deleted.due_date AS due_date, deleted.due_time AS due_time, deleted.time_zone AS time_zone, deleted.priority AS priority, deleted.labels AS labels, %(now)s::TIMESTAMP WITH TIME ZONE AS deleted_at 
FROM deleted RETURNING task_trash.id)
 SELECT account.active, EXISTS (SELECT trashed.id 
FROM trashed) AS deleted, EXISTS (SELECT 1 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID) AS existed 
FROM account;

-- delete: if-match
WITH existing AS 
(SELECT app_user.is_active AS is_active, app_user.created_at AS created_at 
FROM app_user 
WHERE app_user.id = %(owner_id)s::UUID), 
created AS 
(INSERT INTO app_user (id, email, name, is_active, created_at, updated_at) SELECT %(owner_id)s::UUID AS anon_1, %(email)s::VARCHAR AS anon_2, %(name)s::VARCHAR AS anon_3, true AS anon_4, now() AS now_1, now() AS now_2 
WHERE NOT (EXISTS (SELECT 1 
FROM existing)) ON CONFLICT (id) DO NOTHING), 
account AS 
(SELECT coalesce((SELECT existing.is_active 
FROM existing), true) AS active), 
deleted AS 
(DELETE FROM task USING account WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels), 
trashed AS 
(INSERT INTO task_trash (id, owner_id, title, description, completed, version, created_at, updated_at, completed_at, due_date, due_time, time_zone, priority, labels, deleted_at) SELECT deleted.id AS id, deleted.owner_id AS owner_id, deleted.title AS title, deleted.description AS description, deleted.completed AS completed, deleted.version AS version, deleted.created_at AS created_at, deleted.updated_at AS updated_at, deleted.completed_at AS completed_at, deleted.due_date AS due_date, deleted.due_time AS due_time, deleted.time_zone AS time_zone, deleted.priority AS priority, deleted.labels AS labels, %(now)s::TIMESTAMP WITH TIME ZONE AS deleted_at 
FROM deleted RETURNING task_trash.id)
 SELECT account.active, EXISTS (SELECT trashed.id 
FROM trashed) AS deleted, EXISTS (SELECT 1 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID) AS existed 
FROM account;
