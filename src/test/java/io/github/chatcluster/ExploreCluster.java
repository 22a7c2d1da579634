package io.github.chatcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import io.github.chatcluster.app.ChatMaintenance;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.ClusterHolder;
import io.github.chatcluster.cluster.Endpoint;
import io.github.chatcluster.health.HealthyBaseline;
import io.github.chatcluster.report.PlacementMap;


/**
 * A cluster to explore by hand: the same topology as the suite, with the chat schema and the sample
 * data, kept running until Ctrl-C (or "quit"), then removed. Commands on standard input:
 * {@code stop|start|kill|pause|unpause|disconnect|reconnect|refuse|silence <node>}, {@code cut <node> <peer>},
 * {@code lose <node> <percent>}, {@code delay <node> <ms> <peer>...}, {@code heal}, {@code logs <node>},
 * {@code endpoints}, {@code quit}.
 *
 * <pre>mvn -q test-compile exec:java</pre>
 */
public final class ExploreCluster {

    private ExploreCluster() {
    }

    public static void main(String[] args) throws Exception {
        ChatCluster cluster = ClusterHolder.borrow();
        System.out.println(cluster.timings().summary());
        ChatMaintenance.through(cluster.loadBalancer())
                .loadSampleData(Path.of(System.getProperty("basedir", "."), "containers/schema/sample-data.sql"));
        System.out.println("chat schema deployed and sample data loaded (containers/schema/sample-data.sql)");
        printEndpoints(cluster);
        System.out.println("\ncommands: stop|start|kill|pause|unpause|disconnect|reconnect|refuse|silence <node>, logs <node>, endpoints, placement,"
                + "\n  cut <node> <peer>, lose <node> <percent>, delay <node> <ms> <peer>..., heal (every packet-level fault),"
                + "\n  check (the check and repair every scenario starts with), quit"
                + "\nCtrl-C or quit removes every container.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            try {
                if (words[0].equals("quit") || words[0].equals("exit")) {
                    break;
                }
                run(cluster, words);
            } catch (RuntimeException e) {
                System.out.println("error: " + e.getMessage());
            }
        }
        if (line == null) {
            // no terminal: keep the cluster until the JVM is interrupted
            Thread.currentThread().join();
        }
        ClusterHolder.shutdown();
    }

    private static void run(ChatCluster cluster, String[] words) {
        String node = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "" -> { }
            case "endpoints" -> printEndpoints(cluster);
            case "placement" -> System.out.println(PlacementMap.read(cluster.coordinator1()).text());
            case "stop" -> cluster.faults().stop(node);
            case "start" -> cluster.faults().start(node);
            case "kill" -> cluster.faults().kill(node);
            case "pause" -> cluster.faults().pause(node);
            case "unpause" -> cluster.faults().unpause(node);
            case "disconnect" -> cluster.faults().disconnect(node);
            case "reconnect" -> cluster.faults().reconnect(node);
            case "refuse" -> cluster.packetFaults().refuseConnections(node);
            case "silence" -> cluster.packetFaults().dieSilently(node);
            case "cut" -> cluster.packetFaults().cutLink(node, words[2]);
            case "lose" -> cluster.packetFaults().losePackets(node, Integer.parseInt(words[2]));
            case "delay" -> cluster.packetFaults().delay(node, List.of(words).subList(3, words.length), Integer.parseInt(words[2]));
            case "heal" -> System.out.println(cluster.packetFaults().healAll());
            case "check" -> System.out.println(new HealthyBaseline(cluster).establish().text());
            case "logs" -> System.out.println(cluster.logs(node));
            default -> System.out.println("unknown command: " + words[0]);
        }
        if (!words[0].isEmpty() && !words[0].equals("endpoints") && !words[0].equals("logs")) {
            System.out.println("done: " + String.join(" ", words));
        }
    }

    private static void printEndpoints(ChatCluster cluster) {
        System.out.println("\nendpoints (paste into a shell):");
        List<String> names = new java.util.ArrayList<>(List.of(ChatCluster.LOAD_BALANCER));
        names.addAll(cluster.databaseNodes());
        for (String name : names) {
            Endpoint e = cluster.endpoint(name);
            System.out.printf("  %-14s %s%n", name, e.psqlCommand());
        }
    }
}
