package dev.faro.bench.drain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services paused with SIGSTOP, so that a backlog builds up in front of their consumers, and resumed one by one
 * with SIGCONT. Closing resumes every one still paused, and so does a shutdown hook: a benchmark that fails or is
 * interrupted must not leave the stack frozen.
 */
final class FrozenServices implements AutoCloseable {

    private final Map<String, Long> paused = new LinkedHashMap<>();
    private final Thread resumeOnExit = new Thread(this::resumeAll, "resume-frozen-services");

    FrozenServices(Map<String, Long> pids) throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(resumeOnExit);
        for (Map.Entry<String, Long> service : pids.entrySet()) {
            signal("-STOP", service.getValue());
            paused.put(service.getKey(), service.getValue());
        }
    }

    synchronized void resume(String service) throws IOException, InterruptedException {
        Long pid = paused.remove(service);
        if (pid == null) {
            throw new IllegalArgumentException(service + " is not paused");
        }
        signal("-CONT", pid);
    }

    @Override
    public void close() {
        resumeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(resumeOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing left to undo.
        }
    }

    private synchronized void resumeAll() {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Long> service : List.copyOf(paused.entrySet())) {
            try {
                signal("-CONT", service.getValue());
                paused.remove(service.getKey());
            } catch (IOException | InterruptedException | IllegalStateException e) {
                failed.add(service.getKey() + " (pid " + service.getValue() + ")");
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("Could not resume " + failed + ": run kill -CONT on them, or ./faro down");
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(kill.getInputStream().readAllBytes()).strip();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + pid + " failed: " + output);
        }
    }
}
