package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RunRecordTest {

    @Test
    void figuresAndFindingsAreReadBackExactly() {
        Map<String, String> figures = new TreeMap<>(Map.of("a", "tab\there, new\nline, back\\slash", "b", "", "c", "3", "d.01", "x"));
        Map<String, RunRecord.Kind> kinds = new TreeMap<>(Map.of("c", RunRecord.Kind.TOTAL, "d.01", RunRecord.Kind.NUMBERED));
        List<RunRecord.Finding> findings = List.of(new RunRecord.Finding("ZERO_DOWNTIME", Verdict.NOT_DECIDED, "s\t1", "why\nnot"));
        RunRecord.Contents back = RunRecord.parse(RunRecord.format(new RunRecord.Contents(figures, kinds, findings)));
        assertThat(back.figures()).isEqualTo(figures);
        assertThat(back.kinds()).isEqualTo(kinds);
        assertThat(back.findings()).isEqualTo(findings);
    }
}
