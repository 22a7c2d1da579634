package io.github.chatcluster.report;

import java.util.List;

import io.github.chatcluster.app.SteadyLoad;

/** What each client of a steady load saw, as a table for the report and as figures under the scenario's key. */
public final class ClientsSeen {

    private ClientsSeen() {
    }

    /** The table of what each client saw: one row per client. */
    public static String table(List<SteadyLoad.ClientFigures> figures) {
        StringBuilder table = new StringBuilder(SteadyLoad.ClientFigures.header()).append('\n');
        figures.forEach(f -> table.append(f.row()).append('\n'));
        return table.toString();
    }

    /** Records each client's figures under {@code key} in figures.properties; returns the table. */
    public static String record(String key, List<SteadyLoad.ClientFigures> figures) {
        if (figures.isEmpty()) {
            throw new AssertionError("what the clients saw: nothing (did they stop?)");
        }
        for (SteadyLoad.ClientFigures f : figures) {
            String client = key + "." + Figures.key(f.client());
            Figures.record(client + ".longest-gap-seconds", Figures.seconds(f.longestGap()));
            Figures.record(client + ".done", String.valueOf(f.successes()));
            Figures.record(client + ".refused", f.failedBySqlState().toString());
            Figures.record(client + ".unknown-outcomes", String.valueOf(f.unknownOutcomes()));
            Figures.record(client + ".retries", String.valueOf(f.retries()));
        }
        return table(figures);
    }
}
