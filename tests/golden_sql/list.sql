-- list: created_at
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.created_at, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.created_at, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.created_at, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.created_at, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.created_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.created_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.created_at, label_matches.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.created_at, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.created_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: -created_at
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.created_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.created_at, label_matches.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.created_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: updated_at
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.updated_at, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.updated_at, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".updated_at, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.updated_at, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.updated_at, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.updated_at, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.updated_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.updated_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".updated_at, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.updated_at, label_matches.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.updated_at, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.updated_at, task.id) >= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.updated_at, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: -updated_at
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".updated_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.updated_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.updated_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.updated_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.updated_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".updated_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.updated_at, label_matches.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.updated_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.updated_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.updated_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: title
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.title, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.title, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".title, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.title, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.title, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.title, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title, task.id) >= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.title, task.id) >= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".title, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.title, label_matches.id) >= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.title, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.title, task.id) >= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.title, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: -title
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.title DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".title DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.title DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.title DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title, task.id) <= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.title, task.id) <= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".title DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.title, label_matches.id) <= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.title DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.title, task.id) <= (%(after_key)s::VARCHAR, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.title DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: due
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date), coalesce(page.due_time, '24:00'::time), page.id;

-- list: due completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY coalesce("window".due_date, 'infinity'::date), coalesce("window".due_time, '24:00'::time), "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date), coalesce(anon_5.due_time, '24:00'::time), anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date), coalesce(page.due_time, '24:00'::time), page.id;

-- list: due after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) >= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date), coalesce(page.due_time, '24:00'::time), page.id;

-- list: due completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) >= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY coalesce("window".due_date, 'infinity'::date), coalesce("window".due_time, '24:00'::time), "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id) >= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) >= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date), coalesce(anon_5.due_time, '24:00'::time), anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date), coalesce(page.due_time, '24:00'::time), page.id;

-- list: -due
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_5.due_date, 'infinity'::date) DESC, coalesce(anon_5.due_time, '24:00'::time) DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date) = 'infinity'::date, coalesce(page.due_date, 'infinity'::date) DESC, coalesce(page.due_time, '24:00'::time) DESC, page.id DESC;

-- list: -due completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT anon_6.id AS id, anon_6.owner_id AS owner_id, anon_6.title AS title, anon_6.description AS description, anon_6.completed AS completed, anon_6.version AS version, anon_6.created_at AS created_at, anon_6.updated_at AS updated_at, anon_6.completed_at AS completed_at, anon_6.due_date AS due_date, anon_6.due_time AS due_time, anon_6.time_zone AS time_zone, anon_6.priority AS priority, anon_6.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(window)s::INTEGER)) AS anon_6 ORDER BY coalesce(anon_6.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_6.due_date, 'infinity'::date) DESC, coalesce(anon_6.due_time, '24:00'::time) DESC, anon_6.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY coalesce("window".due_date, 'infinity'::date) = 'infinity'::date, coalesce("window".due_date, 'infinity'::date) DESC, coalesce("window".due_time, '24:00'::time) DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT anon_7.id AS id, anon_7.owner_id AS owner_id, anon_7.title AS title, anon_7.description AS description, anon_7.completed AS completed, anon_7.version AS version, anon_7.created_at AS created_at, anon_7.updated_at AS updated_at, anon_7.completed_at AS completed_at, anon_7.due_date AS due_date, anon_7.due_time AS due_time, anon_7.time_zone AS time_zone, anon_7.priority AS priority, anon_7.labels AS labels 
FROM ((SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY coalesce(label_matches.due_date, 'infinity'::date) DESC, coalesce(label_matches.due_time, '24:00'::time) DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND coalesce(label_matches.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND label_matches.id != %(undated_id)s::UUID ORDER BY coalesce(label_matches.due_date, 'infinity'::date) DESC, coalesce(label_matches.due_time, '24:00'::time) DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_7 ORDER BY coalesce(anon_7.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_7.due_date, 'infinity'::date) DESC, coalesce(anon_7.due_time, '24:00'::time) DESC, anon_7.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT anon_8.id AS id, anon_8.owner_id AS owner_id, anon_8.title AS title, anon_8.description AS description, anon_8.completed AS completed, anon_8.version AS version, anon_8.created_at AS created_at, anon_8.updated_at AS updated_at, anon_8.completed_at AS completed_at, anon_8.due_date AS due_date, anon_8.due_time AS due_time, anon_8.time_zone AS time_zone, anon_8.priority AS priority, anon_8.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_8 ORDER BY coalesce(anon_8.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_8.due_date, 'infinity'::date) DESC, coalesce(anon_8.due_time, '24:00'::time) DESC, anon_8.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_5.due_date, 'infinity'::date) DESC, coalesce(anon_5.due_time, '24:00'::time) DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date) = 'infinity'::date, coalesce(page.due_date, 'infinity'::date) DESC, coalesce(page.due_time, '24:00'::time) DESC, page.id DESC;

-- list: -due after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_5.due_date, 'infinity'::date) DESC, coalesce(anon_5.due_time, '24:00'::time) DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date) = 'infinity'::date, coalesce(page.due_date, 'infinity'::date) DESC, coalesce(page.due_time, '24:00'::time) DESC, page.id DESC;

-- list: -due completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT anon_6.id AS id, anon_6.owner_id AS owner_id, anon_6.title AS title, anon_6.description AS description, anon_6.completed AS completed, anon_6.version AS version, anon_6.created_at AS created_at, anon_6.updated_at AS updated_at, anon_6.completed_at AS completed_at, anon_6.due_date AS due_date, anon_6.due_time AS due_time, anon_6.time_zone AS time_zone, anon_6.priority AS priority, anon_6.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(window)s::INTEGER)) AS anon_6 ORDER BY coalesce(anon_6.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_6.due_date, 'infinity'::date) DESC, coalesce(anon_6.due_time, '24:00'::time) DESC, anon_6.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY coalesce("window".due_date, 'infinity'::date) = 'infinity'::date, coalesce("window".due_date, 'infinity'::date) DESC, coalesce("window".due_time, '24:00'::time) DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT anon_7.id AS id, anon_7.owner_id AS owner_id, anon_7.title AS title, anon_7.description AS description, anon_7.completed AS completed, anon_7.version AS version, anon_7.created_at AS created_at, anon_7.updated_at AS updated_at, anon_7.completed_at AS completed_at, anon_7.due_date AS due_date, anon_7.due_time AS due_time, anon_7.time_zone AS time_zone, anon_7.priority AS priority, anon_7.labels AS labels 
FROM ((SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY coalesce(label_matches.due_date, 'infinity'::date) DESC, coalesce(label_matches.due_time, '24:00'::time) DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND coalesce(label_matches.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(label_matches.due_date, 'infinity'::date), coalesce(label_matches.due_time, '24:00'::time), label_matches.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND label_matches.id != %(undated_id)s::UUID ORDER BY coalesce(label_matches.due_date, 'infinity'::date) DESC, coalesce(label_matches.due_time, '24:00'::time) DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_7 ORDER BY coalesce(anon_7.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_7.due_date, 'infinity'::date) DESC, coalesce(anon_7.due_time, '24:00'::time) DESC, anon_7.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT anon_8.id AS id, anon_8.owner_id AS owner_id, anon_8.title AS title, anon_8.description AS description, anon_8.completed AS completed, anon_8.version AS version, anon_8.created_at AS created_at, anon_8.updated_at AS updated_at, anon_8.completed_at AS completed_at, anon_8.due_date AS due_date, anon_8.due_time AS due_time, anon_8.time_zone AS time_zone, anon_8.priority AS priority, anon_8.labels AS labels 
FROM ((SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(after_date)s::VARCHAR AS DATE), CAST(%(after_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date AND (coalesce(task.due_date, 'infinity'::date), coalesce(task.due_time, '24:00'::time), task.id) <= (CAST(%(undated_date)s::VARCHAR AS DATE), CAST(%(undated_time)s::VARCHAR AS TIME WITHOUT TIME ZONE), %(undated_id)s::UUID) AND task.id != %(undated_id)s::UUID ORDER BY coalesce(task.due_date, 'infinity'::date) DESC, coalesce(task.due_time, '24:00'::time) DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_8 ORDER BY coalesce(anon_8.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_8.due_date, 'infinity'::date) DESC, coalesce(anon_8.due_time, '24:00'::time) DESC, anon_8.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY coalesce(anon_5.due_date, 'infinity'::date) = 'infinity'::date, coalesce(anon_5.due_date, 'infinity'::date) DESC, coalesce(anon_5.due_time, '24:00'::time) DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY coalesce(page.due_date, 'infinity'::date) = 'infinity'::date, coalesce(page.due_date, 'infinity'::date) DESC, coalesce(page.due_time, '24:00'::time) DESC, page.id DESC;

-- list: priority
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.priority, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority, page.id;

-- list: priority completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.priority, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".priority, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.priority, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.priority, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.priority, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority, page.id;

-- list: priority after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.priority, task.id) >= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority, task.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority, page.id;

-- list: priority completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.priority, task.id) >= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority, task.id 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".priority, "window".id 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.priority, label_matches.id) >= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.priority, label_matches.id 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.priority, task.id) >= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority, task.id 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.priority, anon_5.id 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority, page.id;

-- list: -priority
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority DESC, page.id DESC;

-- list: -priority completed q has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".priority DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.priority DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.priority DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority DESC, page.id DESC;

-- list: -priority after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.priority, task.id) <= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority DESC, page.id DESC;

-- list: -priority completed q after has_due due_from due_to priority labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.priority, task.id) <= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".priority DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND label_matches.completed = %(completed)s AND (label_matches.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR label_matches.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(label_matches.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(label_matches.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(label_matches.due_date, 'infinity'::date) <= %(due_to)s::DATE AND label_matches.priority = ANY (%(priorities)s::SMALLINT[]) AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.priority, label_matches.id) <= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.priority DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.priority, task.id) <= (%(after_key)s::SMALLINT, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.priority DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.priority DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.priority DESC, page.id DESC;

-- list: -created_at completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at has_due
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after has_due
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at due_from
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after due_from
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) < 'infinity'::date AND coalesce(task.due_date, 'infinity'::date) >= %(due_from)s::DATE AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at due_to
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after due_to
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) <= %(due_to)s::DATE AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at priority
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.priority = ANY (%(priorities)s::SMALLINT[]) ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after priority
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.priority = ANY (%(priorities)s::SMALLINT[]) AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 ORDER BY label_matches.created_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at after labels
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
label_window AS 
(SELECT "window".id AS id, "window".owner_id AS owner_id, "window".title AS title, "window".description AS description, "window".completed AS completed, "window".version AS version, "window".created_at AS created_at, "window".updated_at AS updated_at, "window".completed_at AS completed_at, "window".due_date AS due_date, "window".due_time AS due_time, "window".time_zone AS time_zone, "window".priority AS priority, "window".labels AS labels 
FROM (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(window)s::INTEGER) AS "window" 
WHERE CAST(lower(CAST("window".labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]) ORDER BY "window".created_at DESC, "window".id DESC 
 LIMIT %(limit)s::INTEGER), 
label_matches AS 
(SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task_label_keys(task.owner_id, task.labels) @> task_label_keys(%(owner_id)s::UUID, %(labels)s::TEXT[]) AND task.labels != '{}' AND (SELECT count(*) AS count_1 
FROM label_window) < %(limit)s::INTEGER 
 LIMIT 1001)
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT anon_5.id AS id, anon_5.owner_id AS owner_id, anon_5.title AS title, anon_5.description AS description, anon_5.completed AS completed, anon_5.version AS version, anon_5.created_at AS created_at, anon_5.updated_at AS updated_at, anon_5.completed_at AS completed_at, anon_5.due_date AS due_date, anon_5.due_time AS due_time, anon_5.time_zone AS time_zone, anon_5.priority AS priority, anon_5.labels AS labels 
FROM (SELECT label_window.id AS id, label_window.owner_id AS owner_id, label_window.title AS title, label_window.description AS description, label_window.completed AS completed, label_window.version AS version, label_window.created_at AS created_at, label_window.updated_at AS updated_at, label_window.completed_at AS completed_at, label_window.due_date AS due_date, label_window.due_time AS due_time, label_window.time_zone AS time_zone, label_window.priority AS priority, label_window.labels AS labels 
FROM label_window 
WHERE (SELECT count(*) AS count_1 
FROM label_window) >= %(limit)s::INTEGER UNION ALL (SELECT label_matches.id AS id, label_matches.owner_id AS owner_id, label_matches.title AS title, label_matches.description AS description, label_matches.completed AS completed, label_matches.version AS version, label_matches.created_at AS created_at, label_matches.updated_at AS updated_at, label_matches.completed_at AS completed_at, label_matches.due_date AS due_date, label_matches.due_time AS due_time, label_matches.time_zone AS time_zone, label_matches.priority AS priority, label_matches.labels AS labels 
FROM label_matches 
WHERE label_matches.owner_id = %(owner_id)s::UUID AND (SELECT count(*) AS count_2 
FROM label_matches) <= 1000 AND (label_matches.created_at, label_matches.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND label_matches.id != %(after_id)s::UUID ORDER BY label_matches.created_at DESC, label_matches.id DESC 
 LIMIT %(limit)s::INTEGER) UNION ALL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(CAST(lower(CAST(task.labels AS TEXT)) AS TEXT[]) @> CAST(lower(CAST(%(labels)s::TEXT[] AS TEXT)) AS TEXT[]), false) AND (SELECT count(*) AS count_2 
FROM label_matches) > 1000 AND (task.created_at, task.id) <= (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) AND task.id != %(after_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER)) AS anon_5 ORDER BY anon_5.created_at DESC, anon_5.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at has_due=False
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at, page.completed_at, page.due_date, page.due_time, page.time_zone, page.priority, page.labels 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at, task.completed_at AS completed_at, task.due_date AS due_date, task.due_time AS due_time, task.time_zone AS time_zone, task.priority AS priority, task.labels AS labels 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND coalesce(task.due_date, 'infinity'::date) = 'infinity'::date ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;
