package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RunRecordTest {

    @Test
    void figuresAndFindingsAreReadBackExactly() {
        Map<String, String> figures = new TreeMap<>(Map.of("a", "tab\there, new\nline, back\\slash", "b", ""));
        List<RunRecord.Finding> findings = List.of(new RunRecord.Finding("ZERO_DOWNTIME", Verdict.NOT_DECIDED, "s\t1", "why\nnot"));
        RunRecord.Contents back = RunRecord.parse(RunRecord.format(figures, findings));
        assertThat(back.figures()).isEqualTo(figures);
        assertThat(back.findings()).isEqualTo(findings);
    }
}
