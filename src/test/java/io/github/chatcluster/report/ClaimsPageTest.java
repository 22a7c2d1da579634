package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ClaimsPageTest {

    private static final Map<String, String> FIGURES = new TreeMap<>(Map.of(
            "throughput.no-fault.one-coordinator.trial-1", "374.5/s median 15 ms p99 103 ms",
            "throughput.no-fault.two-coordinators.trial-1", "580.5/s median 12 ms p99 37 ms",
            "failover.every-client-max-seconds", "1.36",
            "failover.failed-attempts", "2",
            "failover.return-seconds.coordinator-1-killed", "11.5",
            "upgrade.a-rolling.worker-1-restart.writer-through-coordinator-1.longest-gap-seconds", "1.27",
            "upgrade.a-rolling.worker-1-restart.writer-through-coordinator-1.refused", "0",
            "claim.zero-single-points-of-failure", "not held (3 of 3 findings)"));

    private static final List<ClaimsPage.Entry> LEDGER = List.of(
            new ClaimsPage.Entry("Zero Single Points of Failure", "not held (1 of 1 finding)", null,
                    List.of(new ClaimsPage.Finding("NOT HELD", "with coordinator-2 stopped, a write <refused>", "coordinator-2 is stopped"))),
            new ClaimsPage.Entry("production-grade", "not judged here", "not a property a test can observe", List.of()));

    @Test
    void theLedgerShowsEveryClaimWithItsVerdictFindingAndScenarioEscaped() {
        String page = ClaimsPage.html("Scenario order: random, seed 1", LEDGER, FIGURES);
        assertThat(page).contains("Zero Single Points of Failure", "not held (1 of 1 finding)", "class=\"not-held\"",
                "with coordinator-2 stopped, a write &lt;refused&gt;", "(coordinator-2 is stopped)",
                "production-grade", "not a property a test can observe", "seed 1");
        assertThat(page).doesNotContain("<script").doesNotContain("http://www.w3.org/1999").doesNotContain("https://");
    }

    @Test
    void thePicturesAreDrawnFromTheFigures() {
        String page = ClaimsPage.html("", LEDGER, FIGURES);
        assertThat(page).contains("Write throughput trials", "no-fault.one-coordinator.trial-1", ">374.50<", ">580.50<",
                "Failover", ">1.36<", "Upgrade", "a-rolling.worker-1-restart.writer-through-coordinator-1", ">1.27<");
        assertThat(page).doesNotContain("Read throughput trials").doesNotContain("Planned maintenance");
        assertThat(ClaimsPage.series(FIGURES, "upgrade.", ".longest-gap-seconds")).hasSize(1);
        assertThat(page).doesNotContain("failed-attempts");
        assertThat(ClaimsPage.shorten("a-rolling-upgrade-in-citus-s-order-each-node-s-extension-updated-right-after-its-restart-under-load"
                + ".worker-1-restart-and-ALTER-EXTENSION.writer-through-coordinator-1"))
                .endsWith("… worker-1-restart-and-ALTER-EXTENSION · writer-through-coordinator-1").hasSizeLessThanOrEqualTo(92);
    }

    @Test
    void theFailoverChartShowsFailoverTimesOnlyAndTheReturnHasItsOwn() {
        String page = ClaimsPage.html("", LEDGER, FIGURES);
        String failover = page.substring(page.indexOf("Failover: seconds"), page.indexOf("Return: seconds"));
        assertThat(failover).contains("every-client-max-seconds").doesNotContain("coordinator-1-killed");
        assertThat(page.substring(page.indexOf("Return: seconds"))).contains("coordinator-1-killed", ">11.50<");
    }
}
