#!/bin/bash
# Runs once, when a node's data directory is created (docker-library postgres entrypoint).
# 1. Loads the cluster settings shared by every node.
# 2. Gives the nodes the password they use to reach each other: Citus opens its node-to-node
#    connections with libpq as the postgres user, and the image's pg_hba.conf asks every
#    remote client for a password. The entrypoint sets PGPASSWORD only while it initialises,
#    so the password goes to libpq's password file ($PGPASSFILE if set, else ~/.pgpass).
set -euo pipefail
echo "include '/etc/citus-cluster/citus-cluster.conf'" >> "$PGDATA/postgresql.conf"
passfile="${PGPASSFILE:-$HOME/.pgpass}"
printf '*:*:*:%s:%s\n' "${POSTGRES_USER:-postgres}" "$POSTGRES_PASSWORD" > "$passfile"
chmod 600 "$passfile"
