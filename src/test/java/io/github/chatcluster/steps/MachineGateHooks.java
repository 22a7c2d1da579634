package io.github.chatcluster.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.github.chatcluster.cluster.ClusterParallelism;
import io.github.chatcluster.machine.MachineLoad;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.ScenarioPlaces;
import io.github.chatcluster.schedule.MachineGate;
import io.github.chatcluster.schedule.Pass;
import io.github.chatcluster.schedule.RecordedDurations;

/**
 * Before anything else of a scenario (its cluster included), it takes its places on the machine: all of them for a
 * scenario tagged {@code @benchmark} (in a run of several clusters, before any other scenario), more than one for a heavy one ({@code @heavy}), one for any other; it gives them
 * back after everything else. It may go ahead of a scenario that waits before it when it does not delay that one, by the
 * times the suite recorded ({@link MachineGate}). The report of every scenario says how loaded the machine was while it ran, and a failed
 * scenario's console line says it too, with the scenarios that ran beside it: a slow machine can be told from a slow
 * cluster.
 */
public class MachineGateHooks {

    /** Longer than any scenario runs, several of them queued before this one included. */
    static final Duration BOUND = Duration.ofMinutes(30);
    private static final LongAdder WAITED_MILLIS = new LongAdder();

    private final ScenarioContext context;
    private Pass pass;
    private MachineLoad load;
    private final java.util.Set<String> beside = new java.util.TreeSet<>();

    public MachineGateHooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = -1)
    public void takeAPlaceOnTheMachine(Scenario scenario) throws InterruptedException {
        boolean alone = scenario.getSourceTagNames().contains("@benchmark");
        boolean heavy = scenario.getSourceTagNames().contains("@heavy");
        int weight = ClusterParallelism.capacity().weightOf(alone, heavy);
        Optional<Duration> expected = RecordedDurations.expectedDuration(RecordedDurations.key(scenario.getUri(), scenario.getName()));
        pass = MachineGate.ofTheRun().enter(scenario.getName(), weight, expected, BOUND, alone);
        context.tookPlaces(pass);
        load = MachineLoad.from(Instant.now());
        beside.addAll(others(scenario));
        Duration waited = pass.waited();
        WAITED_MILLIS.add(waited.toMillis());
        ScenarioPlaces.waited(scenario.getId(), waited);
        Figures.total("run.waited-for-the-machine-seconds", Figures.seconds(Duration.ofMillis(WAITED_MILLIS.sum())));
        scenario.log(String.format(Locale.ROOT, "its place on the machine: %d of %d%s%s%s", pass.held(), MachineGate.ofTheRun().places(),
                alone ? " (it measures the machine: alone)" : heavy ? " (heavy)" : "",
                waited.toMillis() >= 100 ? String.format(Locale.ROOT, ", after waiting %.1f s", waited.toMillis() / 1000.0) : "",
                pass.borrowed() ? ", lent by a quiet scenario until it is expected to end"
                        : pass.wentAhead() ? ", ahead of a scenario that waited before it, without delaying it by the recorded times" : ""));
    }

    /** The scenarios that hold places on the machine now, but this one. */
    private static List<String> others(Scenario scenario) {
        return MachineGate.ofTheRun().running().stream().filter(r -> !r.startsWith(scenario.getName() + " (")).toList();
    }

    @After(order = -1)
    public void giveThePlaceBack(Scenario scenario) {
        if (pass == null) {
            return;
        }
        try {
            beside.addAll(others(scenario));
            String machine = load.describe() + "; beside it, at its start or end: " + (beside.isEmpty() ? "nothing" : String.join(", ", beside));
            scenario.log(machine);
            if (scenario.isFailed()) {
                ScenarioPlaces.machineWhenItFailed(scenario.getId(), machine);
            }
        } finally {
            pass.close();
        }
    }
}
