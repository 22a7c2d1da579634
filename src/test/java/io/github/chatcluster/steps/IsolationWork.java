package io.github.chatcluster.steps;

import java.util.Set;
import java.util.TreeSet;

import io.github.chatcluster.isolation.ListAppendWorkload;

/** One isolation scenario's state (picocontainer), written by its When steps only: the workload, and its final reads. */
public class IsolationWork {

    /** The workload (its table exists while it is set), or null. */
    ListAppendWorkload workload;
    /** The ids of the reads of every key made after the clients stopped. */
    final Set<Integer> finalReads = new TreeSet<>();
    /** The seed the clients drew their transactions with. */
    long seed;

    /** Where the scenario's history is kept, in Jepsen's format. */
    static java.nio.file.Path historyFile(String scenario) {
        return java.nio.file.Path.of(System.getProperty("basedir", "."), "target/cucumber-reports/isolation",
                io.github.chatcluster.report.Figures.key(scenario).toLowerCase(java.util.Locale.ROOT) + ".jsonl");
    }
}
