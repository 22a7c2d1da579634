package io.github.chatcluster;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The acceptance suite: every feature in the top-level features/ folder, run by Failsafe in
 * {@code mvn verify}. Plugins and other defaults a user may override live in
 * src/test/resources/junit-platform.properties.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.github.chatcluster.steps")
public class RunCucumberIT {
}
