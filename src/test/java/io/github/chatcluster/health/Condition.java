package io.github.chatcluster.health;

import io.github.chatcluster.cluster.NodeSessions;
import java.util.List;

/**
 * One thing a healthy cluster must be, and what to do when it is not: a check and its repair. {@link HealthyBaseline}
 * runs them in order; a new one (a fifth worker removed, say) is a new class in its list.
 */
interface Condition {

    /** What is checked, in words ("the shard copies"), for a check that could not be made. */
    String what();

    /** What is wrong now, one line each; empty when the condition holds. */
    List<String> problems(NodeSessions sessions);

    /** Makes the condition hold where it can; returns what was done, one line each (empty when nothing was to do). */
    List<String> repair(NodeSessions sessions);

    /**
     * True for the conditions on the containers and their network: while one of them is wrong, what Citus and nginx
     * report means little, and the later conditions are not judged.
     */
    default boolean isBasic() {
        return false;
    }
}
