package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The step classes stay thin: no SQL and no JDBC of their own (that is what app/, catalog/ and operations/ are for), and
 * no step class takes another step class to call its steps (shared work goes into a domain object).
 */
class StepsAreThinTest {

    private static final Path STEPS = Path.of("src/test/java/io/github/chatcluster/steps");
    private static final Pattern SQL = Pattern.compile(
            "\"\\s*((?i:select|insert|update|delete|vacuum|alter|create|drop|truncate|call|explain)|WITH|SET|BEGIN|COMMIT)\\s");
    private static final Pattern JDBC = Pattern.compile("java\\.sql\\.(?!SQLException\\b)(\\w+)|(?:\\)|\\b[a-z]\\w*)\\.connect(?:Once)?\\(");

    @Test
    void noStepClassHoldsSqlOrJdbc() {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            String text = read(f);
            Matcher sql = SQL.matcher(text);
            while (sql.find()) {
                found.add(f.getFileName() + ": SQL " + sql.group(1));
            }
            Matcher jdbc = JDBC.matcher(text);
            while (jdbc.find()) {
                found.add(f.getFileName() + ": " + jdbc.group());
            }
        }
        assertThat(found).as("SQL and JDBC in the steps package").isEmpty();
    }

    @Test
    void noStepClassTakesAnotherStepClass() {
        Set<String> stepClasses = sources().stream().filter(f -> read(f).matches("(?s).*@(Given|When|Then)\\(.*"))
                .map(f -> f.getFileName().toString().replace(".java", "")).collect(Collectors.toSet());
        assertThat(stepClasses).as("step classes").contains("OperationSteps", "WorkerSteps");
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            String name = f.getFileName().toString().replace(".java", "");
            Matcher constructor = Pattern.compile("public " + name + "\\(([^)]*)\\)").matcher(read(f));
            while (constructor.find()) {
                for (String parameter : constructor.group(1).split(",")) {
                    String type = parameter.trim().split("\\s+")[0];
                    if (stepClasses.contains(type) && !type.equals(name)) {
                        found.add(name + " takes " + type);
                    }
                }
            }
        }
        assertThat(found).as("step classes that take another step class").isEmpty();
    }

    /**
     * A Then step only looks: it writes no field of its own class and no field of the scenario's state holders (the
     * objects its class is given), neither directly nor through a private method it calls: no assignment, no
     * {@code +=} or {@code ++}, no {@code add}, {@code put}, {@code clear}, {@code set} or {@code remove}. So what a later
     * sentence reads never depends on whether an earlier Then ran.
     */
    @Test
    void noThenStepWritesTheScenariosState() {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            String text = read(f);
            String name = f.getFileName().toString().replace(".java", "");
            List<String> state = new ArrayList<>();
            Matcher field = Pattern.compile("\\n    private (?:final )?(?!static)([\\w.<>, ?]+) (\\w+)\\s*(?:=[^;]*)?;").matcher(text);
            while (field.find()) {
                if (!field.group(1).equals("ScenarioContext")) {
                    state.add(field.group(2));
                }
            }
            if (state.isEmpty()) {
                continue;
            }
            String names = String.join("|", state);
            Pattern write = Pattern.compile("(?<![\\w.])(?:this\\.)?(" + names + ")(?:\\.\\w+)?\\s*(?:=(?!=)|\\+=|-=|\\+\\+|--)"
                    + "|(?<![\\w.])(?:this\\.)?(" + names + ")(?:\\.\\w+)?\\.(?:add|addAll|put|putAll|clear|set|remove)\\(");
            Matcher then = Pattern.compile("@Then\\(").matcher(text);
            while (then.find()) {
                String body = methodBody(text, then.end());
                StringBuilder looked = new StringBuilder(body);
                Matcher call = Pattern.compile("(?<![\\w.])(\\w+)\\(").matcher(body);
                while (call.find()) {
                    Matcher helper = Pattern.compile("\\n    private [\\w<>, .?]+ " + call.group(1) + "\\(").matcher(text);
                    if (helper.find()) {
                        looked.append(methodBody(text, helper.start() + 1));
                    }
                }
                Matcher w = write.matcher(looked);
                while (w.find()) {
                    found.add(name + ": a Then step writes " + w.group().trim());
                }
            }
        }
        assertThat(found).as("Then steps that write the scenario's state").isEmpty();
    }

    /** The text of the body (its braces matched) of the first method declared after the offset (past its annotation's braces). */
    private static String methodBody(String text, int from) {
        Matcher declaration = Pattern.compile("(public|private) [^;{]*\\)[^;{]*\\{").matcher(text);
        int open = declaration.find(from) ? declaration.end() - 1 : text.indexOf('{', from);
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        return text.substring(open);
    }

    private static List<Path> sources() {
        try (Stream<Path> s = Files.list(STEPS)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("Test.java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
