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
(UPDATE task SET completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
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
(UPDATE task SET description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
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
(UPDATE task SET title=%(title)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description
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
(UPDATE task SET description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, title
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
(UPDATE task SET title=%(title)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set description, title
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
(UPDATE task SET title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description, title
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
(UPDATE task SET title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
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
(UPDATE task SET completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
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
(UPDATE task SET description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
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
(UPDATE task SET title=%(title)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description if-match
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
(UPDATE task SET description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, title if-match
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
(UPDATE task SET title=%(title)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set description, title if-match
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
(UPDATE task SET title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;

-- update: set completed, description, title if-match
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
(UPDATE task SET title=%(title)s::VARCHAR, description=%(description)s::VARCHAR, completed=%(completed)s, version=(task.version + 1), updated_at=%(now)s::TIMESTAMP WITH TIME ZONE FROM before WHERE task.owner_id = %(owner_id)s::UUID AND task.id = before.id AND task.version = ANY (%(versions)s::BIGINT[]) RETURNING task.id, task.owner_id, task.title, task.description, task.completed, task.version, task.created_at, task.updated_at, before.was_completed)
 SELECT account.active, EXISTS (SELECT 1 
FROM before) AS found, CAST(updated.id AS TEXT) AS id, CAST(updated.owner_id AS TEXT) AS owner_id, updated.title, updated.description, updated.completed, updated.version, updated.created_at, updated.updated_at, updated.was_completed 
FROM account LEFT OUTER JOIN updated ON account.active;
