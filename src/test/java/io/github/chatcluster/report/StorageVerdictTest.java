package io.github.chatcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StorageVerdictTest {

    private static Map<String, StorageVerdict.Rows> rows(long messagesStored) {
        Map<String, StorageVerdict.Rows> rows = new LinkedHashMap<>();
        rows.put("rooms", new StorageVerdict.Rows(200, 400));
        rows.put("messages", new StorageVerdict.Rows(2000, messagesStored));
        return rows;
    }

    @Test
    void twiceForEveryTableHolds() {
        var j = StorageVerdict.judge(rows(4000));
        assertThat(j.verdict()).isEqualTo(Verdict.HELD);
        assertThat(j.why()).isEqualTo("the workers store 400 rows of rooms (200 seen), 4000 rows of messages (2000 seen)");
    }

    @Test
    void oneCopyOfOneTableDoesNotHold() {
        var j = StorageVerdict.judge(rows(2000));
        assertThat(j.verdict()).isEqualTo(Verdict.NOT_HELD);
        assertThat(j.why()).endsWith(": not twice what the application sees");
    }

    @Test
    void threeCopiesDoNotHoldEither() {
        assertThat(StorageVerdict.judge(rows(6000)).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void rowsStoredThatTheApplicationDoesNotSeeDoNotHold() {
        assertThat(StorageVerdict.judge(Map.of("rooms", new StorageVerdict.Rows(0, 10))).verdict()).isEqualTo(Verdict.NOT_HELD);
    }

    @Test
    void noRowsDecideNothing() {
        assertThat(StorageVerdict.judge(Map.of()).verdict()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(StorageVerdict.judge(Map.of("rooms", new StorageVerdict.Rows(0, 0))).verdict()).isEqualTo(Verdict.NOT_DECIDED);
    }
}
