package dev.faro.local.launcher;

import dev.faro.local.infra.ProcessLogging;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./faro}'s Java side: {@code up} runs the stack until SIGTERM or Ctrl-C, {@code status} reports on a running
 * one, {@code rebuild-analytics} has a running one recount its funnels from the event log, {@code reconcile} checks
 * that every lead it acknowledged was followed through. Run from the repository root.
 */
public final class FaroCli {

    private FaroCli() {}

    public static void main(String[] args) throws InterruptedException {
        // Before anything logs: library warnings to the console, nothing chattier.
        ProcessLogging.configureThisJvm("warn");
        String command = args.length == 0 ? "" : args[0];
        StackConfig config = StackConfig.defaults(RepoRoot.locate());
        switch (command) {
            case "up" -> up(config);
            case "status" -> System.exit(StackStatus.print(config, System.out));
            case "rebuild-analytics" -> System.exit(AnalyticsRebuildCommand.run(config, System.out));
            case "reconcile" -> System.exit(
                    ReconcileCommand.run(config, java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
            default -> {
                System.err.println("usage: FaroCli up|status|rebuild-analytics|reconcile [options]");
                System.exit(2);
            }
        }
    }

    private static void up(StackConfig config) throws InterruptedException {
        System.out.println(
                "Starting Faro (state in " + Path.of("").toAbsolutePath().relativize(config.stateDir()) + ")");
        FaroStack stack;
        try {
            stack = FaroStack.start(config);
        } catch (RuntimeException e) {
            System.err.println("Faro did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(stack.summary());
        System.out.println("Stop with Ctrl-C (or ./faro down from another terminal).");
        System.out.flush();
        // FaroStack's shutdown hook stops everything when SIGTERM or SIGINT ends this JVM.
        new CountDownLatch(1).await();
    }
}
