package io.github.chatcluster.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Rooms made before the write trials, from which each trial's writers draw distinct rooms at random. With two copies
 * of every shard, Citus serialises the writes to one shard, so writers whose rooms share a shard wait for each other;
 * drawn at random for every trial, which of them share one is chance in every trial, in both arms alike, as with a
 * new room per writer, and no trial waits while its rooms are made (three writes each: with 50 ms between the
 * coordinators and the workers, some 2 s a trial). Thread-safe.
 */
final class TrialRooms {

    private final List<Long> rooms = new ArrayList<>();
    private final Random random;

    TrialRooms(long seed) {
        this.random = new Random(seed);
    }

    synchronized void add(long room) {
        rooms.add(room);
    }

    /** {@code n} distinct rooms at random, or none when fewer were made (each writer then makes its own). */
    synchronized List<Long> draw(int n) {
        if (rooms.size() < n) {
            return List.of();
        }
        List<Long> shuffled = new ArrayList<>(rooms);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, n));
    }

    synchronized int size() {
        return rooms.size();
    }
}
