package io.github.chatcluster.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every table of the application's schema must be, as both coordinators' catalogs show it: distributed by the
 * room id and co-located with {@code rooms}, or a reference table, or a local table a feature names on purpose. A table
 * that is none of these, or that one coordinator does not have, or that the coordinators see differently, is a problem
 * named with what it is on each coordinator.
 */
public final class SchemaShape {

    /** How one coordinator's catalog sees a table of the schema. */
    public record Table(String name, Kind kind, String distributionColumn, int colocationId) {

        public enum Kind { DISTRIBUTED, REFERENCE, LOCAL }

        public static Table distributed(String name, String column, int colocationId) {
            return new Table(name, Kind.DISTRIBUTED, column, colocationId);
        }

        public static Table reference(String name) {
            return new Table(name, Kind.REFERENCE, null, 0);
        }

        public static Table local(String name) {
            return new Table(name, Kind.LOCAL, null, 0);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case DISTRIBUTED -> "distributed by " + distributionColumn + ", co-location group " + colocationId;
                case REFERENCE -> "a reference table";
                case LOCAL -> "a local table (not distributed)";
            };
        }
    }

    /** The table every room-keyed table is co-located with, and its distribution column. */
    public static final String ROOMS = "rooms";
    static final String ROOMS_COLUMN = "id";
    /** The distribution column of every other room-keyed table. */
    static final String ROOM_ID = "room_id";

    private SchemaShape() {
    }

    /**
     * @param byCoordinator  each coordinator's view: table name to how it sees it
     * @param localOnPurpose the local tables a feature names on purpose
     * @return one line per problem; empty when every table is as it must be
     */
    public static List<String> problems(Map<String, Map<String, Table>> byCoordinator, Set<String> localOnPurpose) {
        Set<String> names = new TreeSet<>();
        byCoordinator.values().forEach(tables -> names.addAll(tables.keySet()));
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            List<String> where = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Table first = null;
            boolean differ = false;
            for (Map.Entry<String, Map<String, Table>> c : byCoordinator.entrySet()) {
                Table t = c.getValue().get(name);
                if (t == null) {
                    missing.add(c.getKey());
                    where.add(c.getKey() + ": absent");
                    continue;
                }
                where.add(c.getKey() + ": " + t);
                if (first == null) {
                    first = t;
                } else if (!first.equals(t)) {
                    differ = true;
                }
            }
            String seen = " (" + String.join("; ", where) + ")";
            if (!missing.isEmpty()) {
                problems.add("the table " + name + " exists on one coordinator only" + seen);
            } else if (differ) {
                problems.add("the coordinators see the table " + name + " differently" + seen);
            } else {
                String wrong = wrong(first, byCoordinator.values().iterator().next().get(ROOMS), localOnPurpose);
                if (wrong != null) {
                    problems.add("the table " + name + " " + wrong + seen);
                }
            }
        }
        return problems;
    }

    private static String wrong(Table t, Table rooms, Set<String> localOnPurpose) {
        switch (t.kind()) {
            case REFERENCE:
                return null;
            case LOCAL:
                return localOnPurpose.contains(t.name()) ? null
                        : "is a local table no feature names: clients that land on the other coordinator cannot see it";
            default:
                String column = ROOMS.equals(t.name()) ? ROOMS_COLUMN : ROOM_ID;
                if (!column.equals(t.distributionColumn())) {
                    return "is distributed by " + t.distributionColumn() + ", not by the room id (" + column + ")";
                }
                if (rooms == null || rooms.kind() != Table.Kind.DISTRIBUTED) {
                    return "cannot be co-located with rooms: rooms is not a distributed table";
                }
                if (t.colocationId() != rooms.colocationId()) {
                    return "is not co-located with rooms (group " + t.colocationId() + ", rooms: group " + rooms.colocationId() + ")";
                }
                return null;
        }
    }
}
