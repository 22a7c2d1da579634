package io.github.chatcluster.upgrade;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.NodeReplacement;
import io.github.chatcluster.cluster.Text;

/**
 * A rolling upgrade of one cluster, done the way an operator does it, one node at a time: the node's container is
 * started again from the new image with its own data, the citus extension is updated on it
 * ({@code ALTER EXTENSION citus UPDATE}, right away or later), and at the end the upgrade is finished on coordinator-1
 * ({@code citus_finish_citus_upgrade}). Every action is kept with when it began and ended, and each node's time from
 * its stop to the end of its own update is a window the clients' figures are read in.
 */
public final class RollingUpgrade {

    /** One action of the upgrade. */
    public record Action(String what, String node, Instant began, Instant ended) {
        public Duration took() {
            return Duration.between(began, ended);
        }
    }

    /** A part of the upgrade whose effect on the clients is reported: a node's restart (and update), or all updates. */
    public record Window(String label, Instant from, Instant to) {
    }

    private final ChatCluster cluster;
    private final NodeReplacement nodes;
    private final UpgradeImages.Pair pair;
    private final List<Action> actions = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();

    public RollingUpgrade(ChatCluster cluster, UpgradeImages.Pair pair) {
        this.cluster = cluster;
        this.nodes = cluster.nodeReplacement().orElseThrow(() -> new IllegalStateException(
                "this cluster's nodes cannot be started again from another image (only an upgrade scenario's own cluster can)"));
        this.pair = pair;
    }

    public UpgradeImages.Pair pair() {
        return pair;
    }

    /** Starts the node again from the new image and, when asked, updates its extension right after; one window. */
    public void restart(String node, boolean updateAtOnce) {
        Instant began = Instant.now();
        NodeReplacement.Replaced replaced = nodes.replace(node, pair.to().image());
        Instant ready = Instant.now();
        actions.add(new Action("started again from " + pair.to().image() + " (stopped and removed in "
                + seconds(replaced.stopped()) + " s)", node, began, ready));
        if (updateAtOnce) {
            updateExtension(node);
        }
        windows.add(new Window(node + (updateAtOnce ? ": restart and ALTER EXTENSION" : ": restart"), began, Instant.now()));
    }

    /** {@code ALTER EXTENSION citus UPDATE} on the node, through a connection to the node itself. */
    public void updateExtension(String node) {
        Instant began = Instant.now();
        run(node, "ALTER EXTENSION citus UPDATE");
        actions.add(new Action("ALTER EXTENSION citus UPDATE", node, began, Instant.now()));
    }

    /** Updates the extension on each node in turn, in the order given; one window for them all. */
    public void updateEveryExtension(List<String> order) {
        Instant began = Instant.now();
        order.forEach(this::updateExtension);
        windows.add(new Window("ALTER EXTENSION on " + String.join(", ", order), began, Instant.now()));
    }

    /** The upgrade's last step, on coordinator-1: a procedure since Citus 14, a function before. */
    public void finish() {
        Instant began = Instant.now();
        try {
            run(ChatCluster.COORDINATOR_1, "CALL citus_finish_citus_upgrade()");
        } catch (IllegalStateException e) {
            // 42809 wrong_object_type (a function, not a procedure), 42883 undefined_function: an older release
            String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : "";
            if (!"42809".equals(state) && !"42883".equals(state)) {
                throw e;
            }
            run(ChatCluster.COORDINATOR_1, "SELECT citus_finish_citus_upgrade()");
        }
        actions.add(new Action("citus_finish_citus_upgrade()", ChatCluster.COORDINATOR_1, began, Instant.now()));
    }

    private void run(String node, String sql) {
        try (Connection c = cluster.endpoint(node).connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + node + " failed: " + Text.firstLine(e.getMessage()), e);
        }
    }

    /** The restart of a node that began the window (its container stopped, recreated, until it accepted queries), if any. */
    public java.util.Optional<Action> restartIn(Window window) {
        return restarts().stream().filter(a -> a.began().equals(window.from())).findFirst();
    }

    /** Every node's restart so far: from its container's stop until it accepted queries again. */
    public List<Action> restarts() {
        return actions.stream().filter(a -> a.what().startsWith("started again")).toList();
    }

    public List<Action> actions() {
        return List.copyOf(actions);
    }

    /**
     * The parts of the upgrade, one after another with no time between them: each from the start of its node's restart
     * (or of the extension updates) to the start of the next part, the last one to {@code end} (when the clients
     * stopped). So what happened between two restarts (a request probe, a client giving up) is counted in a part.
     */
    public List<Window> windowsUntil(Instant end) {
        List<Window> contiguous = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            Instant to = i + 1 < windows.size() ? windows.get(i + 1).from() : end;
            contiguous.add(new Window(w.label(), w.from(), to.isBefore(w.to()) ? w.to() : to));
        }
        return contiguous;
    }

    /** When the upgrade was finished on coordinator-1, if it was. */
    public java.util.Optional<Instant> finished() {
        return actions.stream().filter(a -> a.what().startsWith("citus_finish_citus_upgrade")).map(Action::ended).findFirst();
    }

    /** The actions as a table: node, what, how long, when (seconds after the first). */
    public String log() {
        if (actions.isEmpty()) {
            return "(nothing done)";
        }
        Instant first = actions.get(0).began();
        StringBuilder log = new StringBuilder();
        for (Action a : actions) {
            log.append(String.format(java.util.Locale.ROOT, "%7.1f s  %-14s %6.2f s  %s%n",
                    Duration.between(first, a.began()).toMillis() / 1000.0, a.node(), a.took().toMillis() / 1000.0, a.what()));
        }
        return log.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
