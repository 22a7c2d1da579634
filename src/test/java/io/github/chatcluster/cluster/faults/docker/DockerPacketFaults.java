package io.github.chatcluster.cluster.faults.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Text;
import io.github.chatcluster.cluster.faults.PacketFaults;

/**
 * Faults below the container level, set by a helper container that joins the node's network namespace with
 * NET_ADMIN (the fault injector, built from {@code containers/fault-injector}). Unlike a stopped container, a
 * node with such a fault keeps its name in Docker's DNS.
 */
public final class DockerPacketFaults implements PacketFaults {

    /** Every rule the suite sets carries a comment "chat-fault:<fault>", so that a rule in force can be named. */
    private static final String COMMENT_PREFIX = "chat-fault:";

    private final ChatCluster cluster;
    private final DockerNodes nodes;
    private final FaultInjectors injectors;
    private final DockerClient docker = DockerClientFactory.instance().client();
    /**
     * The network namespaces (sandbox keys) in which a helper of this run may have set a rule since a listing last
     * found none. Only a container with NET_ADMIN in a node's namespace can set a rule there, the nodes run without
     * it, and only the helpers have it: a namespace no helper touched has no rule, and need not be listed.
     */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();
    /**
     * Whether every node's rules were listed once, so that rules set before this run (an external cluster's) are seen
     * too; a cluster this run started has none to see.
     */
    private volatile boolean listedEverywhere;

    DockerPacketFaults(ChatCluster cluster, DockerNodes nodes, Path dockerfileDir) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.injectors = new FaultInjectors(cluster, nodes, dockerfileDir);
        this.listedEverywhere = nodes.startedByThisRun();
    }

    /** The node's port 5432 refuses every connection from other hosts (a TCP reset), while its name still resolves. */
    @Override
    public void refuseConnections(String node) {
        rule(node, "refuse", "-I", "INPUT", "!", "-i", "lo", "-p", "tcp", "--dport", "5432",
                "-j", "REJECT", "--reject-with", "tcp-reset");
    }

    /**
     * A silent death: every packet to and from the node is dropped (no reset, no ICMP), its process runs on and its
     * name still resolves. Loopback, and so Docker's DNS inside the node, is left alone.
     */
    @Override
    public void dieSilently(String node) {
        rule(node, "silent-death", "-I", "INPUT", "!", "-i", "lo", "-j", "DROP");
        rule(node, "silent-death", "-I", "OUTPUT", "!", "-o", "lo", "-j", "DROP");
    }

    /**
     * The node's answers to clients outside the cluster are dropped: packets from its port 5432 to the cluster
     * network's gateway, where connections through a published port come from. What clients send still arrives, so
     * a COMMIT is carried out and only its answer is lost. The node's traffic with the other nodes and nginx is
     * untouched.
     */
    @Override
    public void loseAnswersToOutsideClients(String node) {
        rule(node, "answers-lost", "-I", "OUTPUT", "-p", "tcp", "--sport", "5432", "-d", gateway(node), "-j", "DROP");
    }

    /** Every packet between the two nodes is dropped, in both directions; both stay reachable from every other node. */
    @Override
    public void cutLink(String node, String peer) {
        String address = address(peer);
        rule(node, "cut:" + peer, "-I", "INPUT", "!", "-i", "lo", "-s", address, "-j", "DROP");
        rule(node, "cut:" + peer, "-I", "OUTPUT", "!", "-o", "lo", "-d", address, "-j", "DROP");
    }

    /** The node loses the given share of its packets, each direction on its own (iptables' statistic match). */
    @Override
    public void losePackets(String node, int percent) {
        String probability = String.format(java.util.Locale.ROOT, "%.4f", percent / 100.0);
        for (String[] chain : new String[][] {{"INPUT", "-i"}, {"OUTPUT", "-o"}}) {
            rule(node, "loss:" + percent, "-I", chain[0], "!", chain[1], "lo", "-m", "statistic", "--mode", "random",
                    "--probability", probability, "-j", "DROP");
        }
    }

    /**
     * Every packet between the node and each peer, both directions, is held for the delay in user space (NFQUEUE and
     * the injector's hold-packets program: this kernel has no netem). With --queue-bypass a packet passes undelayed
     * when the program is not running, so a fault injector that died leaves no black hole behind.
     */
    @Override
    public void delay(String node, List<String> peers, int millis) {
        injectors.execDetached(helper(node), "hold-packets", "0", Integer.toString(millis));
        for (String peer : peers) {
            String address = address(peer);
            rule(node, "delay:" + peer, "-A", "INPUT", "!", "-i", "lo", "-s", address, "-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass");
            rule(node, "delay:" + peer, "-A", "OUTPUT", "!", "-o", "lo", "-d", address, "-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass");
        }
    }

    /**
     * The packet-level faults in force now, one line per node; empty when there are none. A node's rules are read
     * through its fault injector (started for it if it has none), whoever in this run set them: those of the namespaces a
     * helper touched since a listing last found none (see {@link #touched}), and, the first time, every running node's
     * when this run did not start the cluster. A rule that outlived its helper, or one a failed flush left, is seen too. A node whose
     * rules cannot be read is a problem, and is listed again the next time (an external cluster's nodes all are, until
     * one listing of them all succeeded). Synchronized with the marking in {@link #helper}: a fault set while the rules
     * are listed is marked after the listing's end, not lost to it.
     */
    @Override
    public synchronized List<String> inForce() {
        List<String> faults = new ArrayList<>();
        boolean everywhere = !listedEverywhere;
        for (String node : cluster.allNodes()) {
            try {
                Optional<String> namespace = injectors.namespace(node);
                if (namespace.isEmpty() || !(everywhere || touched.contains(namespace.get()))) {
                    continue; // not running (its namespace, and every rule in it, is gone), or no helper touched it
                }
                String rules = rules(injectors.exec(injectors.helper(node, namespace.get()), "iptables", "-S"));
                if (rules.isEmpty()) {
                    touched.remove(namespace.get());
                } else {
                    touched.add(namespace.get());
                    faults.add(node + " has packet filter rules in force: " + rules);
                }
            } catch (RuntimeException e) {
                everywhere = false; // listed again next time
                faults.add("the packet filter rules of " + node + " could not be read: " + Text.firstLine(e.getMessage()));
            }
        }
        if (everywhere) {
            listedEverywhere = true;
        }
        return faults;
    }

    /** The rules of an {@code iptables -S} listing, without the chains' policies; empty when there are none. */
    static String rules(String listing) {
        return String.join("; ", listing.lines().filter(l -> !l.isBlank() && !l.startsWith("-P")).toList());
    }

    /**
     * Removes every packet-level fault of every running node: its rules are flushed and the delay program stopped.
     * The helpers stay for the next fault. Returns what was in force; throws, after trying every node, when a
     * node's rules could not be removed (they stay in force, and {@link #inForce()} goes on reporting them).
     */
    @Override
    public synchronized List<String> healAll() {
        List<String> healed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean everywhere = !listedEverywhere;
        for (String node : cluster.allNodes()) {
            try {
                Optional<String> namespace = injectors.namespace(node);
                if (namespace.isEmpty() || !(everywhere || touched.contains(namespace.get()))) {
                    continue;
                }
                String helper = injectors.helper(node, namespace.get());
                String listing = injectors.exec(helper, "iptables", "-S");
                if (rules(listing).isEmpty()) {
                    // no rule, but a delay program may still run (it passes packets when no rule sends it any)
                    injectors.exec(helper, "sh", "-c", "pkill -f '[h]old-packets' || true");
                    touched.remove(namespace.get());
                    continue;
                }
                injectors.exec(helper, "iptables", "-F");
                // the bracket keeps pkill from matching the shell that runs it (its command line holds the pattern)
                injectors.exec(helper, "sh", "-c", "pkill -f '[h]old-packets' || true");
                touched.remove(namespace.get());
                String names = faultNames(listing);
                healed.add("packet filter rules of " + node + " removed (" + (names.isEmpty() ? rules(listing) : names) + ")");
            } catch (RuntimeException e) {
                failed.add(node + ": " + Text.firstLine(e.getMessage()));
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("packet filter rules could not be removed from " + String.join("; ", failed)
                    + (healed.isEmpty() ? "" : " (removed elsewhere: " + healed + ")"));
        }
        return healed;
    }

    /** Removes the fault injectors, when the cluster is removed. */
    public void removeInjectors() {
        injectors.removeAll();
    }

    static String faultNames(String rules) {
        return rules.replace("\"", "").lines().map(l -> {
            int at = l.indexOf("--comment " + COMMENT_PREFIX);
            return at < 0 ? null : l.substring(at + 10 + COMMENT_PREFIX.length()).split(" ")[0];
        }).filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    private void rule(String node, String fault, String... rule) {
        List<String> command = new ArrayList<>(List.of("iptables"));
        command.addAll(List.of(rule));
        command.addAll(List.of("-m", "comment", "--comment", COMMENT_PREFIX + fault));
        injectors.exec(helper(node), command.toArray(String[]::new));
    }

    /** The node's address on the cluster network, read now (a restarted container may come back with another one). */
    String address(String node) {
        var networks = docker.inspectContainerCmd(nodes.containerId(node)).exec().getNetworkSettings().getNetworks();
        return networks.values().stream().map(n -> n.getIpAddress()).filter(a -> a != null && !a.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " has no address on the cluster network"));
    }

    /** The gateway of the node's network: the source of connections that come in through published ports. */
    private String gateway(String node) {
        var networks = docker.inspectContainerCmd(nodes.containerId(node)).exec().getNetworkSettings().getNetworks();
        return networks.values().stream().map(n -> n.getGateway()).filter(a -> a != null && !a.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " has no gateway on the cluster network"));
    }

    /**
     * The node's fault injector, in its current namespace, for a command that may set a rule (the namespace is marked
     * touched before the command runs, so a command that failed half-way is listed too); the node must be running.
     */
    private synchronized String helper(String node) {
        String namespace = injectors.namespace(node)
                .orElseThrow(() -> new IllegalStateException(node + " is not running: no packet-level fault can be set on it"));
        touched.add(namespace);
        return injectors.helper(node, namespace);
    }
}
