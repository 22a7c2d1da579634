package io.github.chatcluster.consistency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per acknowledged write: whether the first read of it through the other coordinator that began after its
 * acknowledgement ("follow") saw both halves.
 */
public final class FollowReads {

    /** The acknowledged announcements read back after their acknowledgement, and those the read-back saw with a half missing. */
    public record Followed(int followed, List<Long> missed) {
    }

    private FollowReads() {
    }

    /** The acknowledged writes, by announcement, with when each was acknowledged. */
    public static Map<Long, Instant> acknowledged(List<History.Operation> history) {
        Map<Long, Instant> acks = new TreeMap<>();
        history.stream().filter(op -> op.kind().equals("write") && op.ok()).forEach(op -> acks.put(op.announcement(), op.ended()));
        return acks;
    }

    public static Followed followed(List<History.Operation> history) {
        int followed = 0;
        List<Long> missed = new ArrayList<>();
        Map<Long, Instant> acks = acknowledged(history);
        for (History.Operation op : history) {
            if (!op.kind().equals("follow") || !op.ok()) {
                continue;
            }
            Instant ack = acks.get(op.announcement());
            if (ack == null || op.began().isBefore(ack)) {
                continue; // not a read that began after the acknowledgement
            }
            followed++;
            if (!op.seenA().contains(op.announcement()) || !op.seenB().contains(op.announcement())) {
                missed.add(op.announcement());
            }
        }
        return new Followed(followed, missed);
    }
}
