package io.github.chatcluster.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The order in which a level of the run (the features, or one feature's scenarios) is handed to JUnit's parallel
 * executor so that the work with the highest score starts first. That executor (a fork/join pool) forks every child
 * of a level: the thread that forked them runs them from the last one backwards, and idle threads take them from the
 * first one on. The children are sorted by score (highest first; the order before, Cucumber's random one, kept among
 * equal scores).
 *
 * <p>{@link #forBothEnds}: dealt to the two ends of the list, the highest at the end, the next at the start, and so
 * on; the lowest end up in the middle, which starts last. For a feature's scenarios.
 *
 * <p>{@link #forTheFirstThread}: the highest at the end (the forking thread starts it at once, and is busy with it and
 * its scenarios for long), the others from the start on, highest first (for the idle threads). For the features.
 */
public final class WorkOrder {

    private WorkOrder() {
    }

    public static <T> List<T> forTheFirstThread(List<T> children, ToIntFunction<T> score) {
        List<T> byScore = byScore(children, score);
        if (!byScore.isEmpty()) {
            byScore.add(byScore.remove(0));
        }
        return byScore;
    }

    public static <T> List<T> forBothEnds(List<T> children, ToIntFunction<T> score) {
        List<T> byScore = byScore(children, score);
        Object[] placed = new Object[byScore.size()];
        int front = 0;
        int back = byScore.size() - 1;
        for (int i = 0; i < byScore.size(); i++) {
            if (i % 2 == 0) {
                placed[back--] = byScore.get(i);
            } else {
                placed[front++] = byScore.get(i);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> arranged = (List<T>) Arrays.asList(placed);
        return new ArrayList<>(arranged);
    }

    private static <T> List<T> byScore(List<T> children, ToIntFunction<T> score) {
        List<T> byScore = new ArrayList<>(children);
        byScore.sort(Comparator.comparingInt(score).reversed()); // stable: equal scores keep their order
        return byScore;
    }

    /** The order in which the executor starts a list dealt to both ends: the last, the first, the one before the last, ... */
    static <T> List<T> startOrder(List<T> arranged) {
        List<T> started = new ArrayList<>();
        int front = 0;
        int back = arranged.size() - 1;
        for (int i = 0; i < arranged.size(); i++) {
            started.add(i % 2 == 0 ? arranged.get(back--) : arranged.get(front++));
        }
        return started;
    }
}
