package io.github.chatcluster.steps;

import java.util.List;
import java.util.Optional;

import io.github.chatcluster.app.SteadyLoad;

/**
 * The clients that write and read while operations run, one scenario's (picocontainer): started by a Given step,
 * stopped by "the clients stop" (which writes what each saw), read by the Then steps.
 */
public class ClientLoad {

    /** From the Given step until "the clients stop"; null when the scenario has no such clients. */
    SteadyLoad load;
    /** What each client saw, written once, when the clients stop. */
    List<SteadyLoad.ClientFigures> figures = List.of();
    /** The room that holds bulk messages (deleted when the scenario ends), or -1. */
    long bulkRoom = -1;

    Optional<SteadyLoad> load() {
        return Optional.ofNullable(load);
    }
}
