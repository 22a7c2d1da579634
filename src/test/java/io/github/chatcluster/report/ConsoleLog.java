package io.github.chatcluster.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cucumber.core.plugin.PrettyFormatter;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.github.chatcluster.schedule.RecordedDurations;

/**
 * The console log of a run: one line per scenario (feature, scenario, result, seconds), and for a failed
 * scenario the first lines of its error. The step-by-step output stays in the HTML, JSON and JUnit reports;
 * {@code -Dconsole=steps} prints it on the console too (Cucumber's pretty formatter).
 */
public final class ConsoleLog implements ConcurrentEventListener {

    public static final String PROPERTY = "console";
    private static final int ERROR_LINES = 6;

    private final PrintStream out = System.out;
    private final Map<TestCase, Long> startedAt = new ConcurrentHashMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, event -> startedAt.put(event.getTestCase(), System.nanoTime()));
        publisher.registerHandlerFor(TestCaseFinished.class, this::measured);
        publisher.registerHandlerFor(TestRunFinished.class, event -> {
            RecordedDurations.writeMeasured(Figures.directory());
            Figures.finishRun();
        });
        if ("steps".equalsIgnoreCase(System.getProperty(PROPERTY, "scenarios"))) {
            PrettyFormatter pretty = new PrettyFormatter(System.out);
            pretty.setMonochrome(true);
            pretty.setEventPublisher(publisher);
            return;
        }
        publisher.registerHandlerFor(TestRunStarted.class, event -> {
            io.github.chatcluster.cluster.ClusterParallelism.calibration().ifPresent(c -> out.println(c.describe()));
            out.println(ScenarioOrder.describe());
            out.println(io.github.chatcluster.cluster.ClusterParallelism.describe());
        });
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    /**
     * Records how long a scenario that ran took, without its wait for a place on the machine (the expected time of later
     * runs: {@link RecordedDurations}).
     */
    private void measured(TestCaseFinished event) {
        Long start = startedAt.get(event.getTestCase());
        Status status = event.getResult().getStatus();
        if (start != null && (status == Status.PASSED || status == Status.FAILED)) {
            double waited = ScenarioPlaces.waitedOf(event.getTestCase().getId().toString()).toMillis() / 1000.0;
            RecordedDurations.measured(RecordedDurations.key(featureFile(event.getTestCase()), event.getTestCase().getName()),
                    Math.max(0, (System.nanoTime() - start) / 1e9 - waited));
        }
    }

    private synchronized void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Long start = startedAt.remove(testCase);
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        out.println(line(testCase, event.getResult(), seconds)
                + ScenarioPlaces.take(testCase.getId().toString()).map(cluster -> "  [" + cluster + "]").orElse(""));
        Throwable error = event.getResult().getError();
        if (error != null && event.getResult().getStatus() != Status.PASSED) {
            String message = String.valueOf(error.getMessage()).strip();
            message.lines().limit(ERROR_LINES).forEach(l -> out.println("        " + l));
            if (message.lines().count() > ERROR_LINES) {
                out.println("        ... (the whole error is in target/cucumber-reports/cucumber.html)");
            }
        }
        ScenarioPlaces.takeMachine(testCase.getId().toString()).ifPresent(m -> out.println("        " + m));
        out.flush();
    }

    private static String featureFile(TestCase testCase) {
        return RecordedDurations.featureFile(testCase.getUri());
    }

    static String line(TestCase testCase, Result result, double seconds) {
        String feature = featureFile(testCase);
        return String.format(Locale.ROOT, "%-7s %6.1f s  %s: %s", result.getStatus(), seconds, feature, testCase.getName());
    }
}
