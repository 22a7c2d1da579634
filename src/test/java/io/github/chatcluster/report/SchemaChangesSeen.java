package io.github.chatcluster.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.chatcluster.app.ClientTimeline;
import io.github.chatcluster.schema.SchemaChange;

/**
 * The report of a schema scenario: for each change, its statement, entry point, outcome and time, and what each client
 * saw while it ran (its longest time without a success that overlaps the change, its failed attempts and their
 * errors); each figure is recorded under {@code schema.<scenario>.change-<n>}.
 */
public final class SchemaChangesSeen {

    private SchemaChangesSeen() {
    }

    public static String table(String scenario, List<SchemaChange> changes, Map<String, ClientTimeline> timelines) {
        StringBuilder table = new StringBuilder();
        String key = "schema." + Figures.key(scenario).toLowerCase(Locale.ROOT);
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange c = changes.get(i);
            String figure = key + ".change-" + (i + 1);
            table.append(String.format(Locale.ROOT, "change %d: %s%n  %s   errors%n", i + 1, c.summary(), ClientTimeline.Window.header()));
            Figures.record(figure + ".took-seconds", Figures.seconds(c.took()));
            Figures.record(figure + ".outcome", c.succeeded() ? "succeeded" : "refused " + c.sqlState());
            for (Map.Entry<String, ClientTimeline> client : timelines.entrySet()) {
                ClientTimeline.Window w = client.getValue().within(c.began(), c.ended());
                table.append("  ").append(w.row(client.getKey())).append("  ").append(w.topErrors(3)).append('\n');
                String who = figure + "." + Figures.key(client.getKey());
                Figures.record(who + ".longest-gap-seconds", Figures.seconds(w.longestGap()));
                Figures.record(who + ".failed-attempts", String.valueOf(w.failedAttempts()));
            }
        }
        return table.toString();
    }

    /** The longest time without a success of each client that overlaps the change. */
    public static Map<String, java.time.Duration> longestGaps(SchemaChange change, Map<String, ClientTimeline> timelines) {
        Map<String, java.time.Duration> gaps = new java.util.LinkedHashMap<>();
        timelines.forEach((client, t) -> gaps.put(client, t.within(change.began(), change.ended()).longestGap()));
        return gaps;
    }

}
