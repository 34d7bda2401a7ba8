-- get
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
FROM existing), true) AS active)
 SELECT account.active, CAST(row.id AS TEXT) AS id, CAST(row.owner_id AS TEXT) AS owner_id, row.title, row.description, row.completed, row.version, row.created_at, row.updated_at, row.completed_at, row.due_date, row.due_time, row.time_zone, row.priority, row.labels 
FROM account LEFT OUTER JOIN (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID) AS row ON account.active;
