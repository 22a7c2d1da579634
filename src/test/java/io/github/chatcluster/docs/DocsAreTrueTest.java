package io.github.chatcluster.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md and docs/ say only what is there: every link leads to a file (and a heading) that exists, every path
 * named in code font exists, every tag is one a feature carries, every {@code -D} property is one the code reads,
 * and README's test command is the one {@code .ci/run} calls.
 */
class DocsAreTrueTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_PATH = Pattern.compile("`((?:containers|features|nginx|\\.ci|breaks|src|docs|\\.github)/[^`\\s]*)`");
    private static final Pattern TAG = Pattern.compile("`(@[a-z][a-z-]*)`");
    private static final Pattern PROPERTY = Pattern.compile("-D([a-z][A-Za-z0-9_.-]*)");

    @Test
    void everyLinkLeadsToAFileAndHeadingThatExist() {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(name(doc) + ": " + target + " (no such file)");
                } else if (anchor != null && !headingSlugs(resolved).contains(anchor)) {
                    broken.add(name(doc) + ": " + target + " (no such heading; there are " + headingSlugs(resolved) + ")");
                }
            }
        }
        assertThat(broken).as("links in README.md and docs/ that lead nowhere").isEmpty();
    }

    @Test
    void everyPathNamedInCodeFontExists() {
        List<String> missing = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = CODE_PATH.matcher(read(doc));
            while (m.find()) {
                String path = m.group(1).replace("src/test/java/.../", "src/test/java/io/github/chatcluster/");
                if (path.contains("<") || path.contains("*") || path.contains("...")) {
                    continue;
                }
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(name(doc) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("paths named in README.md and docs/ that do not exist").isEmpty();
    }

    @Test
    void everyTagNamedIsOneAFeatureCarries() {
        Set<String> carried = new TreeSet<>();
        try (Stream<Path> features = Files.list(ROOT.resolve("features"))) {
            features.filter(p -> p.toString().endsWith(".feature"))
                    .forEach(p -> Pattern.compile("(?m)^\\s*(@[a-z][a-z-]*(?:\\s+@[a-z][a-z-]*)*)\\s*$").matcher(read(p)).results()
                            .forEach(r -> carried.addAll(List.of(r.group(1).trim().split("\\s+")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            TAG.matcher(read(doc)).results().map(r -> r.group(1)).filter(t -> !carried.contains(t))
                    .forEach(t -> unknown.add(name(doc) + ": " + t));
        }
        assertThat(carried).as("the features' tags").contains("@smoke", "@heavy");
        assertThat(unknown).as("tags named in README.md and docs/ that no feature carries (the features carry " + carried + ")").isEmpty();
    }

    @Test
    void everyPropertyNamedIsOneTheCodeReads() {
        String code = sources();
        List<String> unread = new ArrayList<>();
        for (Path doc : docs()) {
            PROPERTY.matcher(read(doc)).results().map(r -> r.group(1)).distinct()
                    .filter(p -> !p.startsWith("cucumber."))                // Cucumber's own (cucumber-jvm's Constants)
                    .filter(p -> !p.startsWith("exec."))                    // the exec plugin's (pom.xml: exec.mainClass)
                    .filter(p -> !code.contains("\"" + p + "\""))
                    .forEach(p -> unread.add(name(doc) + ": -D" + p));
        }
        assertThat(unread).as("-D properties in README.md and docs/ that no code reads").isEmpty();
    }

    @Test
    void theReadmesTestCommandIsTheOneCiRuns() {
        assertThat(read(ROOT.resolve("README.md"))).contains("\nmvn verify ");
        assertThat(read(ROOT.resolve(".ci/run"))).contains("  mvn verify \"$@\"");
    }

    private static List<Path> docs() {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** GitHub's anchors: the heading in lower case, spaces as hyphens, punctuation but hyphens and underscores dropped. */
    static Set<String> headingSlugs(Path doc) {
        if (!doc.toString().endsWith(".md")) {
            return Set.of();
        }
        return read(doc).lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String sources() {
        StringBuilder all = new StringBuilder(read(ROOT.resolve("pom.xml")));
        try (Stream<Path> s = Files.walk(ROOT.resolve("src/test/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> all.append(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static String name(Path doc) {
        return ROOT.relativize(doc).toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
