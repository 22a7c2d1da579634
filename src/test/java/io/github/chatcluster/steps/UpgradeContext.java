package io.github.chatcluster.steps;

import java.util.Map;

import io.github.chatcluster.upgrade.RequestProbe;
import io.github.chatcluster.upgrade.RollingUpgrade;

/** What one scenario of the upgrade feature shares between its steps; a new one for every scenario (picocontainer). */
public class UpgradeContext {

    /** The upgrade under way on the scenario's own cluster, from the first step that asks for it. */
    RollingUpgrade upgrade;
    /** What the last "each kind of request is tried once" saw, and in which state of the upgrade. */
    Map<String, RequestProbe.Outcome> lastProbe;
    String probedState = "";
    int probes;

    /** The prefix of the scenario's figures in figures.properties. */
    static String figureKey(ScenarioContext context) {
        return "upgrade." + io.github.chatcluster.report.Figures.key(context.scenarioName()).toLowerCase(java.util.Locale.ROOT);
    }
}
