package io.github.chatcluster.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpectedOutcomesTest {

    private static final Map<String, RequestProbe.Outcome> SEEN = Map.of(
            "a read", new RequestProbe.Outcome("a read", null),
            "a write", new RequestProbe.Outcome("a write", "loaded Citus library version differs from installed extension version"));

    @Test
    void aStatementThatMatchesHasNoDifference() {
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a read", true, ""),
                new ExpectedOutcomes.Expected("a write", false, "library version differs")), SEEN)).isEmpty();
    }

    @Test
    void eachWayOfBeingWrongIsNamed() {
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a read", false, ""),
                new ExpectedOutcomes.Expected("a write", true, "")), SEEN))
                .containsExactly("'a read' was expected to be refused, and worked",
                        "'a write' was expected to work, and was refused: loaded Citus library version differs from installed extension version");
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a read", true, ""),
                new ExpectedOutcomes.Expected("a write", false, "timeout")), SEEN)).singleElement().asString().contains("not with 'timeout'");
    }

    @Test
    void notTriedIsAnOutcomeOfItsOwn() {
        Map<String, RequestProbe.Outcome> seen = Map.of("a copy", new RequestProbe.Outcome("a copy", "the table was refused", false));
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a copy", ExpectedOutcomes.Kind.NOT_TRIED, "")), seen)).isEmpty();
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a copy", ExpectedOutcomes.Kind.REFUSED, "")), seen)).hasSize(1);
        assertThat(ExpectedOutcomes.Kind.named("not tried")).isEqualTo(ExpectedOutcomes.Kind.NOT_TRIED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExpectedOutcomes.Kind.named("works!"))
                .hasMessageContaining("\"works\", \"refused\" or \"not tried\"");
    }

    @Test
    void aRequestTriedButNotStatedOrStatedButNotTriedIsADifference() {
        assertThat(ExpectedOutcomes.differences(List.of(new ExpectedOutcomes.Expected("a read", true, ""),
                new ExpectedOutcomes.Expected("a DDL", true, "")), SEEN)).hasSize(2);
    }
}
