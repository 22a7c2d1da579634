-- How the six nodes become one cluster, the way Citus documents a second coordinator ("query from
-- any node"): coordinator-1 is the coordinator (group 0) and adds the four workers, then adds
-- coordinator-2 as a node with metadata that holds no shards. Run once on coordinator-1, when every
-- node accepts connections and before any table is distributed.
--
-- Part of the system under test, used as it is by the suite (ClusterFormation) and by
-- containers/compose.yaml (its one-shot service cluster-formation).
SELECT citus_set_coordinator_host('coordinator-1', 5432);
SELECT citus_add_node('worker-1', 5432);
SELECT citus_add_node('worker-2', 5432);
SELECT citus_add_node('worker-3', 5432);
SELECT citus_add_node('worker-4', 5432);
SELECT citus_add_node('coordinator-2', 5432);
SELECT citus_set_node_property('coordinator-2', 5432, 'shouldhaveshards', false);
