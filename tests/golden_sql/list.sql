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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.created_at ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.created_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.created_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.created_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.created_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at, page.id;

-- list: created_at completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.created_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.created_at DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.created_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.created_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.created_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.created_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.created_at DESC, page.id DESC;

-- list: -created_at completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.created_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.created_at DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.updated_at ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.updated_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.updated_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.updated_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.updated_at ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at, page.id;

-- list: updated_at completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.updated_at, task.id) > (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.updated_at DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.updated_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.updated_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.updated_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.updated_at DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.updated_at DESC, page.id DESC;

-- list: -updated_at completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.updated_at, task.id) < (%(after_key)s::TIMESTAMP WITH TIME ZONE, %(after_id)s::UUID) ORDER BY task.updated_at DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.title ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title, task.id) > (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.title, task.id) > (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title, task.id) > (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.title ASC, task.id ASC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title, page.id;

-- list: title completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.title, task.id) > (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title ASC, task.id ASC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID ORDER BY task.title DESC, task.id DESC 
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title, task.id) < (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.title, task.id) < (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title, task.id) < (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed q
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;

-- list: -title completed q after
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
 SELECT account.active, CAST(page.id AS TEXT) AS id, CAST(page.owner_id AS TEXT) AS owner_id, page.title, page.description, page.completed, page.version, page.created_at, page.updated_at 
FROM account LEFT OUTER JOIN LATERAL (SELECT task.id AS id, task.owner_id AS owner_id, task.title AS title, task.description AS description, task.completed AS completed, task.version AS version, task.created_at AS created_at, task.updated_at AS updated_at 
FROM task 
WHERE task.owner_id = %(owner_id)s::UUID AND task.completed = %(completed)s AND (task.title ILIKE %(pattern)s::VARCHAR ESCAPE '\' OR task.description ILIKE %(pattern)s::VARCHAR ESCAPE '\') AND (task.title, task.id) < (%(after_key)s::VARCHAR, %(after_id)s::UUID) ORDER BY task.title DESC, task.id DESC 
 LIMIT %(limit)s::INTEGER) AS page ON account.active ORDER BY page.title DESC, page.id DESC;
