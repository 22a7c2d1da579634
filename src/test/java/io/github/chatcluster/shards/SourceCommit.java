package io.github.chatcluster.shards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run's code came from, so that a merge can refuse shards of different commits (a shard directory left
 * from an earlier run): GitHub's {@code GITHUB_SHA}, else {@code git rev-parse HEAD} in the working directory (at most
 * 5 s), else "unknown" (never compared).
 */
public final class SourceCommit {

    public static final String UNKNOWN = "unknown";
    private static volatile String cached;

    private SourceCommit() {
    }

    public static String ofThisRun() {
        if (cached == null) {
            String sha = System.getenv("GITHUB_SHA");
            cached = sha != null && sha.matches("[0-9a-f]{7,40}") ? sha : fromGit();
        }
        return cached;
    }

    private static String fromGit() {
        Process git = null;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                return UNKNOWN;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } finally {
            if (git != null) {
                git.destroyForcibly();
            }
        }
    }
}
