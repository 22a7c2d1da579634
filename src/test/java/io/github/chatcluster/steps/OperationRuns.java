package io.github.chatcluster.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.chatcluster.operations.OperationRun;
import io.github.chatcluster.report.Figures;

/** Every operation one scenario ran, in order, added by the When steps that run them; the Then steps judge the last. */
public class OperationRuns {

    final List<OperationRun> all = new ArrayList<>();

    /** The prefix of the scenario's figures in figures.properties. */
    static String figureKey(ScenarioContext context) {
        return "operations." + Figures.key(context.scenarioName()).toLowerCase(Locale.ROOT);
    }

    void add(OperationRun run) {
        all.add(run);
    }

    OperationRun last() {
        if (all.isEmpty()) {
            throw new IllegalStateException("no operation was run in this scenario");
        }
        return all.get(all.size() - 1);
    }
}
