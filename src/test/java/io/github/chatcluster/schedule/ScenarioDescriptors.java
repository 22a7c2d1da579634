package io.github.chatcluster.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.FileSource;

/** What the scheduling needs of Cucumber's JUnit descriptors: which are Cucumber's, their keys, their scenarios. */
public final class ScenarioDescriptors {

    static final TestTag BENCHMARK = TestTag.create("benchmark");
    static final TestTag HEAVY = TestTag.create("heavy");
    /** Cucumber names an example of an outline "Example #1.2: " and the scenario's name. */
    private static final Pattern EXAMPLE = Pattern.compile("^Example #[0-9.]+: ");

    private ScenarioDescriptors() {
    }

    /** Whether the descriptor is a container of Cucumber's engine (the engine itself, a feature, an outline, its examples). */
    public static boolean isCucumberContainer(TestDescriptor descriptor) {
        return descriptor.isContainer() && isCucumbers(descriptor);
    }

    /** Whether the descriptor is one of Cucumber's scenarios (an example of an outline included). */
    public static boolean isCucumberScenario(TestDescriptor descriptor) {
        return descriptor.isTest() && isCucumbers(descriptor);
    }

    /** Whether the descriptor is Cucumber's engine itself. */
    public static boolean isCucumberEngine(TestDescriptor descriptor) {
        return isCucumbers(descriptor) && "engine".equals(descriptor.getUniqueId().getLastSegment().getType());
    }

    private static boolean isCucumbers(TestDescriptor descriptor) {
        return descriptor.getUniqueId().getSegments().stream().anyMatch(s -> "engine".equals(s.getType()) && "cucumber".equals(s.getValue()));
    }

    /** Every scenario (test) under the descriptor. */
    public static List<TestDescriptor> scenarios(TestDescriptor descriptor) {
        List<TestDescriptor> tests = new ArrayList<>();
        descriptor.accept(d -> {
            if (d.isTest()) {
                tests.add(d);
            }
        });
        return tests;
    }

    /** The scenario's key in the recorded durations: "isolation.feature: its name" (an example: the outline's name filled in). */
    public static String key(TestDescriptor scenario) {
        String feature = scenario.getSource().filter(FileSource.class::isInstance).map(s -> ((FileSource) s).getFile().getName())
                .orElse(scenario.getUniqueId().toString());
        return RecordedDurations.key(feature, EXAMPLE.matcher(scenario.getDisplayName()).replaceFirst(""));
    }

    /**
     * Whether the run selected the scenario: Cucumber's engine skips, at run time, the scenarios that do not match
     * {@code -Dcucumber.filter.tags} (a tag expression) or {@code -Dcucumber.filter.name} (a regular expression the
     * whole name matches); they take no time.
     */
    public static boolean isSelected(TestDescriptor scenario) {
        String tags = System.getProperty("cucumber.filter.tags", "").strip();
        if (!tags.isEmpty()) {
            List<String> scenarioTags = scenario.getTags().stream().map(t -> "@" + t.getName()).toList();
            if (!io.cucumber.tagexpressions.TagExpressionParser.parse(tags).evaluate(scenarioTags)) {
                return false;
            }
        }
        String name = System.getProperty("cucumber.filter.name", "").strip();
        return name.isEmpty() || Pattern.compile(name).matcher(EXAMPLE.matcher(scenario.getDisplayName()).replaceFirst("")).matches();
    }

    /** The Cucumber engine the scenario belongs to (itself, for the engine). */
    public static TestDescriptor engineOf(TestDescriptor descriptor) {
        TestDescriptor d = descriptor;
        while (!isCucumberEngine(d) && d.getParent().isPresent()) {
            d = d.getParent().get();
        }
        return d;
    }

    /** Whether the scenario takes more than one place on the machine ({@code @heavy}). */
    public static boolean isHeavy(TestDescriptor scenario) {
        return scenario.getTags().contains(HEAVY);
    }

    public static boolean isBenchmark(TestDescriptor scenario) {
        return scenario.getTags().contains(BENCHMARK);
    }

    /** The scenario's expected seconds: recorded, or the default. */
    public static double expectedSeconds(TestDescriptor scenario) {
        return RecordedDurations.expected(key(scenario)).orElse(RecordedDurations.DEFAULT_SECONDS);
    }
}
