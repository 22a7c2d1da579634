-- The chat application's schema, deployed through coordinator-1 once the cluster is formed.
-- Part of the system under test: scenarios check what it produces, never read it.
--
-- Citus refuses foreign keys between tables with a replication factor above 1, so the
-- application enforces room membership itself (rooms.member_count guards the two-member limit). Ids are bigint: sequence defaults on the
-- second coordinator only work for bigint and start near (group id << 48).

CREATE TABLE rooms (
    id          bigint      NOT NULL,
    room_type   int         NOT NULL DEFAULT 1,
    name        text,
    member_count int        NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);

CREATE TABLE room_members (
    room_id     bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    joined_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE messages (
    room_id        bigint      NOT NULL,
    id             bigserial   NOT NULL,
    client_msg_id  uuid        NOT NULL,
    sender_id      bigint      NOT NULL,
    body           text        NOT NULL,
    sent_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (room_id, id),
    UNIQUE (room_id, client_msg_id)
);

SELECT create_distributed_table('rooms', 'id');
SELECT create_distributed_table('room_members', 'room_id', colocate_with => 'rooms');
SELECT create_distributed_table('messages', 'room_id', colocate_with => 'rooms');
