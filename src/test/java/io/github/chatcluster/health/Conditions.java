package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import io.github.chatcluster.cluster.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import static org.awaitility.Awaitility.await;

/** The conditions on the containers and their network: they come first, and the others are judged only when they hold. */
final class Conditions {

    private Conditions() {
    }

    /** No packet filter rule in any node's network namespace (see {@link io.github.chatcluster.cluster.faults.PacketFaults#inForce}). */
    static final class NoPacketRules implements Condition {
        @Override
        public String what() {
            return "packet-level faults";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            return s.cluster().packetFaults().inForce();
        }

        @Override
        public List<String> repair(NodeSessions s) {
            return s.cluster().packetFaults().healAll().stream().map(f -> "ended a fault: " + f).toList();
        }

        @Override
        public boolean isBasic() {
            return true;
        }
    }

    /** Every container runs, unpaused, on the cluster network under its name. */
    static final class ContainersAsStarted implements Condition {
        @Override
        public String what() {
            return "the containers";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            for (String node : s.cluster().allNodes()) {
                s.cluster().faults().containerFault(node).ifPresent(problems::add);
            }
            return problems;
        }

        @Override
        public List<String> repair(NodeSessions s) {
            List<String> done = new ArrayList<>();
            for (String node : s.cluster().allNodes()) {
                s.cluster().faults().restoreContainer(node).ifPresent(f -> done.add("ended a fault: " + f));
            }
            return done;
        }

        @Override
        public boolean isBasic() {
            return true;
        }
    }

    /**
     * Every database node answers a query on the suite's session on it (a new connection when that broke), and has room
     * for new connections: a kept session answers even when the node would refuse a new client, so the free connection
     * slots are read too (at least {@link #FREE_SLOTS}). The load balancer is asked on new connections by
     * {@link LoadBalancerReachesBoth}, which is looked at first.
     */
    static final class EveryNodeAnswers implements Condition {
        /** The fewest free connection slots a node may have: a scenario's clients need that many new ones. */
        static final int FREE_SLOTS = 20;
        private static final String FREE = "SELECT current_setting('max_connections')::int"
                + " - current_setting('superuser_reserved_connections')::int - count(*) FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend'";
        private final Duration bound;

        EveryNodeAnswers(Duration bound) {
            this.bound = bound;
        }

        @Override
        public String what() {
            return "the nodes' answers";
        }

        @Override
        public List<String> problems(NodeSessions s) {
            List<String> problems = new ArrayList<>();
            for (String node : s.cluster().databaseNodes()) {
                if (s.cluster().faults().containerFault(node).isEmpty()) {
                    int free;
                    try {
                        free = Integer.parseInt(s.strings(node, FREE).get(0)); // one round trip: the answer and the room
                    } catch (RuntimeException e) {
                        problems.add(node + " does not answer: " + Text.firstLine(e.getMessage()));
                        continue;
                    }
                    if (free < FREE_SLOTS) {
                        problems.add(node + " has room for only " + free + " more client connection(s) (max_connections)");
                    }
                }
            }
            return problems;
        }

        /** Nothing to do but wait: a node that was just started or unpaused answers after its recovery. */
        @Override
        public List<String> repair(NodeSessions s) {
            List<String> waited = new ArrayList<>();
            try {
                await("every node answering").atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                        .pollInSameThread()
                        .until(() -> s.cluster().allNodes().stream().map(s::answers).allMatch(Optional::isEmpty));
                waited.add("waited until every node answered");
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                waited.add("not every node answered within " + bound.toSeconds() + " s");
            }
            return waited;
        }

        @Override
        public boolean isBasic() {
            return true;
        }
    }
}
