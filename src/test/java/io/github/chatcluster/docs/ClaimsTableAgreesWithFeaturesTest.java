package io.github.chatcluster.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chatcluster.report.SeedClaim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's table of the demo's claims says what the features state: a claim a feature states ("holds", "does not
 * hold") has that verdict at the head of its row (any "does not hold" wins: the claim is general), a claim the features
 * only judge without stating a verdict is marked not settled or not gated, and every claim a scenario judges has a row.
 */
class ClaimsTableAgreesWithFeaturesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** A sentence that quotes a claim, and what follows the quote: a stated verdict, or anything else (not stated). */
    private static final Pattern QUOTED = Pattern.compile("the demo's claim (?:of (?:a |an )?)?\"([^\"]+)\"\s*(does not hold|holds)?");

    @Test
    void everyRowAgreesWithWhatTheFeaturesState() {
        Map<SeedClaim, Set<String>> stated = statedInFeatures();
        Map<SeedClaim, String> rows = readmeRows();
        List<String> disagree = new ArrayList<>();
        for (Map.Entry<SeedClaim, Set<String>> e : stated.entrySet()) {
            String row = rows.get(e.getKey());
            if (row == null) {
                disagree.add(e.getKey().words() + ": no row in README");
                continue;
            }
            Set<String> verdicts = e.getValue();
            String expected = verdicts.contains("is judged by") ? null
                    : verdicts.contains("does not hold") ? "does not hold" : "holds";
            if (expected == null) {
                if (!row.contains("not settled") && !row.contains("not gated")) {
                    disagree.add(e.getKey().words() + ": a feature judges it without stating a verdict, README says \"" + row + "\"");
                }
            } else if (!row.startsWith(expected)) {
                disagree.add(e.getKey().words() + ": the features state " + verdicts + ", README says \"" + row + "\"");
            }
        }
        for (SeedClaim claim : SeedClaim.values()) {
            if (claim.notJudgedHere() != null || stated.containsKey(claim)) {
                continue;
            }
            String row = rows.get(claim);
            if (row == null) {
                disagree.add(claim.words() + ": judged by a scenario, no row in README");
            } else if (!row.contains("not settled") && !row.contains("not gated")) {
                disagree.add(claim.words() + ": no sentence states its verdict, README says \"" + row + "\"");
            }
        }
        assertThat(stated).as("claims the features state").containsKeys(SeedClaim.CROSS_COORDINATOR_SYNCHRONIZATION, SeedClaim.ZERO_SINGLE_POINTS_OF_FAILURE);
        assertThat(disagree).as("README's claims table against the features").isEmpty();
    }

    private static Map<SeedClaim, Set<String>> statedInFeatures() {
        Map<SeedClaim, Set<String>> stated = new LinkedHashMap<>();
        try (Stream<Path> features = Files.list(ROOT.resolve("features"))) {
            for (Path f : features.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                Matcher m = QUOTED.matcher(Files.readString(f));
                while (m.find()) {
                    stated.computeIfAbsent(SeedClaim.withWords(m.group(1)), c -> new TreeSet<>())
                            .add(m.group(2) == null ? "is judged by" : m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stated;
    }

    /** The claims table's rows: each claim a row's first cell quotes (the claim's words, or their part before the colon), and the row's verdict. */
    private static Map<SeedClaim, String> readmeRows() {
        String readme;
        try {
            readme = Files.readString(ROOT.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String table = readme.substring(readme.indexOf("| the demo's claim |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Map<String, SeedClaim> byName = new HashMap<>();
        for (SeedClaim c : SeedClaim.values()) {
            byName.put(c.words(), c);
            byName.put(c.words().split(":")[0], c);
        }
        Map<SeedClaim, String> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || cells[1].contains("---") || cells[1].contains("the demo's claim")) {
                continue;
            }
            Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(cells[1]);
            while (quoted.find()) {
                SeedClaim c = byName.get(quoted.group(1));
                assertThat(c).as("README's claims table names \"%s\", which is no claim of the demo (SeedClaim)", quoted.group(1)).isNotNull();
                rows.put(c, cells[2].trim());
            }
        }
        return rows;
    }
}
