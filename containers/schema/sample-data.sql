-- Sample data of the chat demo: 200 rooms, each with its two members and 10 messages.
-- The acceptance scenarios load exactly this file through the load balancer; load it yourself with
--   psql -h <host> -p <port> -U postgres -f containers/schema/sample-data.sql
-- Room ids are client-made and spread over the bigint range; message ids come from the
-- messages sequence of whichever coordinator ran the statement, so they are not small or consecutive.

INSERT INTO rooms (id, room_type, name, member_count)
SELECT 1000003 * r, 1 + r % 2, 'sample room ' || r, 2
FROM generate_series(1, 200) AS r
ON CONFLICT DO NOTHING;

INSERT INTO room_members (room_id, user_id)
SELECT 1000003 * r, u
FROM generate_series(1, 200) AS r, LATERAL (VALUES (2 * r), (2 * r + 1)) AS m(u)
ON CONFLICT DO NOTHING;

INSERT INTO messages (room_id, client_msg_id, sender_id, body, sent_at)
SELECT 1000003 * r,
       md5('sample ' || r || ' ' || n)::uuid,
       2 * r + n % 2,
       'sample message ' || n || ' in room ' || r,
       timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => r, secs => n)
FROM generate_series(1, 200) AS r, generate_series(1, 10) AS n
ON CONFLICT DO NOTHING;
