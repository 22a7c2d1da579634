package io.github.chatcluster.steps;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.github.chatcluster.report.Figures;
import io.github.chatcluster.report.ScenarioPlaces;
import io.github.chatcluster.schedule.MachineGate;

/**
 * Before anything else of a scenario (its cluster included), it takes its place on the machine: alone for a scenario
 * tagged {@code @benchmark}, beside the others for every other one; it gives the place back after everything else.
 */
public class MachineGateHooks {

    /** Longer than any scenario runs, several of them queued before this one included. */
    static final Duration BOUND = Duration.ofMinutes(20);
    private static final LongAdder WAITED_MILLIS = new LongAdder();

    private MachineGate.Pass pass;

    @Before(order = -1)
    public void takeAPlaceOnTheMachine(Scenario scenario) throws InterruptedException {
        boolean alone = scenario.getSourceTagNames().contains("@benchmark");
        pass = MachineGate.ofTheRun().enter(alone, BOUND);
        Duration waited = pass.waited();
        WAITED_MILLIS.add(waited.toMillis());
        ScenarioPlaces.waited(scenario.getId(), waited);
        Figures.record("run.waited-for-the-machine-seconds", Figures.seconds(Duration.ofMillis(WAITED_MILLIS.sum())));
        if (waited.toMillis() >= 100) {
            scenario.log(String.format(Locale.ROOT, "waited %.1f s for the machine (%s)", waited.toMillis() / 1000.0,
                    alone ? "it runs alone: until the scenarios running before it ended"
                            : "a scenario that measures the machine ran alone, or waited to"));
        }
    }

    @After(order = -1)
    public void giveThePlaceBack() {
        if (pass != null) {
            pass.close();
        }
    }
}
