package io.github.chatcluster.cluster.faults;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The driver of a cluster that must not be hurt: it injects nothing. Scenarios that need a fault are not run
 * (reported by name); a step that still asks for one fails with a message that says so.
 */
public final class NoFaultDriver implements FaultDriver, NodeFaults, PacketFaults {

    private static UnsupportedOperationException cannot(String what) {
        return new UnsupportedOperationException("The fault driver is 'none': this cluster cannot be hurt, so " + what
                + " is not possible. Run this scenario with -Dcluster.faults=docker (or another driver) on a cluster you may damage.");
    }

    @Override
    public DriverKind kind() {
        return DriverKind.NONE;
    }

    @Override
    public boolean canInjectFaults() {
        return false;
    }

    @Override
    public NodeFaults nodes() {
        return this;
    }

    @Override
    public PacketFaults packets() {
        return this;
    }

    @Override
    public void reloadLoadBalancer() {
        throw cannot("reloading the load balancer");
    }

    @Override
    public void pauseBehindTheSuitesBack(String node) {
        throw cannot("pausing " + node);
    }

    @Override
    public void stop(String node) {
        throw cannot("stopping " + node);
    }

    @Override
    public void kill(String node) {
        throw cannot("killing " + node);
    }

    @Override
    public void pause(String node) {
        throw cannot("pausing " + node);
    }

    @Override
    public void disconnect(String node) {
        throw cannot("disconnecting " + node);
    }

    @Override
    public void start(String node) {
        throw cannot("starting " + node);
    }

    @Override
    public void unpause(String node) {
        throw cannot("unpausing " + node);
    }

    @Override
    public void reconnect(String node) {
        throw cannot("reconnecting " + node);
    }

    @Override
    public boolean isRunning(String node) {
        return true;
    }

    @Override
    public Set<String> damagedNodes() {
        return Set.of();
    }

    @Override
    public Optional<String> containerFault(String node) {
        return Optional.empty();
    }

    @Override
    public Optional<String> restoreContainer(String node) {
        return Optional.empty();
    }

    @Override
    public List<String> healAll() {
        return List.of();
    }

    @Override
    public void refuseConnections(String node) {
        throw cannot("refusing connections on " + node);
    }

    @Override
    public void dieSilently(String node) {
        throw cannot("a silent death of " + node);
    }

    @Override
    public void loseAnswersToOutsideClients(String node) {
        throw cannot("dropping the answers of " + node);
    }

    @Override
    public void cutLink(String node, String peer) {
        throw cannot("cutting the link between " + node + " and " + peer);
    }

    @Override
    public void losePackets(String node, int percent) {
        throw cannot("packet loss on " + node);
    }

    @Override
    public void delay(String node, List<String> peers, int millis) {
        throw cannot("delaying the packets of " + node);
    }

    @Override
    public List<String> inForce() {
        return List.of();
    }
}
