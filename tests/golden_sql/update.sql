-- update: set completed
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set description
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set due_date
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, task.due_time IS NULL OR %(due_date)s::DATE IS NOT NULL AS due_time_ok, task.time_zone IS NULL OR task.due_time IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_date=%(due_date)s::DATE, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set due_time
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, %(due_time)s::TIME WITHOUT TIME ZONE IS NULL OR task.due_date IS NOT NULL AS due_time_ok, task.time_zone IS NULL OR %(due_time)s::TIME WITHOUT TIME ZONE IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_time=%(due_time)s::TIME WITHOUT TIME ZONE, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set labels
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET labels=%(labels)s::TEXT[], version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set priority
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET priority=%(priority)s::SMALLINT, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set time_zone
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, task.due_time IS NULL OR task.due_date IS NOT NULL AS due_time_ok, %(time_zone)s::VARCHAR IS NULL OR task.due_time IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET time_zone=%(time_zone)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set title
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET title=%(title)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description, due_date, due_time, labels, priority, time_zone, title
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, %(due_time)s::TIME WITHOUT TIME ZONE IS NULL OR %(due_date)s::DATE IS NOT NULL AS due_time_ok, %(time_zone)s::VARCHAR IS NULL OR %(due_time)s::TIME WITHOUT TIME ZONE IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_date=%(due_date)s::DATE, due_time=%(due_time)s::TIME WITHOUT TIME ZONE, time_zone=%(time_zone)s::VARCHAR, priority=%(priority)s::SMALLINT, labels=%(labels)s::TEXT[], title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set description if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set due_date if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, task.due_time IS NULL OR %(due_date)s::DATE IS NOT NULL AS due_time_ok, task.time_zone IS NULL OR task.due_time IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_date=%(due_date)s::DATE, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set due_time if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, %(due_time)s::TIME WITHOUT TIME ZONE IS NULL OR task.due_date IS NOT NULL AS due_time_ok, task.time_zone IS NULL OR %(due_time)s::TIME WITHOUT TIME ZONE IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_time=%(due_time)s::TIME WITHOUT TIME ZONE, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set labels if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET labels=%(labels)s::TEXT[], version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set priority if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET priority=%(priority)s::SMALLINT, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set time_zone if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, task.due_time IS NULL OR task.due_date IS NOT NULL AS due_time_ok, %(time_zone)s::VARCHAR IS NULL OR task.due_time IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET time_zone=%(time_zone)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set title if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET title=%(title)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description, due_date, due_time, labels, priority, time_zone, title if-match
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
before AS 
(SELECT task.id AS id, task.completed AS was_completed, %(due_time)s::TIME WITHOUT TIME ZONE IS NULL OR %(due_date)s::DATE IS NOT NULL AS due_time_ok, %(time_zone)s::VARCHAR IS NULL OR %(due_time)s::TIME WITHOUT TIME ZONE IS NOT NULL AS time_zone_ok 
FROM task, account 
WHERE task.owner_id = %(owner_id)s::UUID AND task.id = %(task_id)s::UUID AND account.active FOR UPDATE OF task), 
updated AS 
(UPDATE task SET due_date=%(due_date)s::DATE, due_time=%(due_time)s::TIME WITHOUT TIME ZONE, time_zone=%(time_zone)s::VARCHAR, priority=%(priority)s::SMALLINT, labels=%(labels)s::TEXT[], title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) AND before.due_time_ok AND before.time_zone_ok RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, task.completed_at, task.due_date, task.due_time, task.time_zone, task.priority, task.labels, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, (SELECT before.due_time_ok 
FROM before) AS due_time_ok, (SELECT before.time_zone_ok 
FROM before) AS time_zone_ok, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.completed_at, updated.due_date, updated.due_time, updated.time_zone, updated.priority, updated.labels, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;
