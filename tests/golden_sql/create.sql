-- create
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
inserted AS 
(INSERT INTO task (id, owner_id, title, description, completed, due_date, due_time, time_zone, priority, labels, version, created_at, updated_at) SELECT %(task_id)s::UUID AS anon_5, %(owner_id)s::UUID AS anon_1, %(title)s::VARCHAR AS anon_6, %(description)s::VARCHAR AS anon_7, %(completed)s AS anon_8, %(due_date)s::DATE AS anon_9, %(due_time)s::TIME WITHOUT TIME ZONE AS anon_10, %(time_zone)s::VARCHAR AS anon_11, %(priority)s::SMALLINT AS anon_12, %(labels)s::TEXT[] AS anon_13, 1, %(now)s::TIMESTAMP WITH TIME ZONE AS anon_14, %(now)s::TIMESTAMP WITH TIME ZONE AS anon__1 
FROM account 
WHERE account.active RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels)
 SELECT account.active, CAST(inserted.id AS TEXT) AS id, CAST(inserted.owner_id AS TEXT) AS owner_id, inserted.title, inserted.description, inserted.completed, inserted.version, inserted.created_at, inserted.updated_at, inserted.completed_at, inserted.due_date, inserted.due_time, inserted.time_zone, inserted.priority, inserted.labels 
FROM account LEFT OUTER JOIN inserted ON account.active;
