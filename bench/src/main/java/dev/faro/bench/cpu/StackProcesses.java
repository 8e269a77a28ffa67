package dev.faro.bench.cpu;

import dev.faro.bench.StackPids;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The processes of the running local stack, from {@code ./faro}'s pid file, plus the bench JVM itself. */
public final class StackProcesses {

    public static final String POSTGRES = "PostgreSQL";
    public static final String KAFKA = "Kafka";
    public static final String SUPERVISOR = "supervisor + SMTP sink (FaroCli)";
    public static final String BENCH = "bench JVM (load generator)";
    public static final String PGBENCH = "pgbench";

    private static final List<String> SERVICES =
            List.of("lead-service", "incentive-service", "email-service", "analytics-service");

    private StackProcesses() {}

    /** Reads {@code <run>/pids}, which {@code ./faro up} writes. */
    public static List<MeasuredProcess> of(Path runDirectory) throws IOException {
        return of(StackPids.read(runDirectory), ProcessHandle.current().pid());
    }

    /** The stack's processes in report order: the services, then Kafka, PostgreSQL, the supervisor, the bench. */
    static List<MeasuredProcess> of(Map<String, Long> pids, long benchPid) {
        List<MeasuredProcess> processes = new ArrayList<>();
        for (String service : SERVICES) {
            processes.add(new MeasuredProcess(service, required(pids, service), Accounting.OWN, true));
        }
        processes.add(new MeasuredProcess(KAFKA, required(pids, "kafka"), Accounting.OWN, true));
        processes.add(new MeasuredProcess(POSTGRES, required(pids, "postgres"), Accounting.WITH_CHILDREN, false));
        processes.add(new MeasuredProcess(SUPERVISOR, required(pids, "supervisor"), Accounting.OWN, true));
        processes.add(new MeasuredProcess(BENCH, benchPid, Accounting.OWN, true));
        return processes;
    }

    /** The stack's processes and the pgbench runs this JVM starts and waits for. */
    public static List<MeasuredProcess> withPgbench(List<MeasuredProcess> stack) {
        List<MeasuredProcess> processes = new ArrayList<>(stack);
        processes.add(new MeasuredProcess(PGBENCH, ProcessHandle.current().pid(), Accounting.REAPED_CHILDREN, false));
        return processes;
    }

    private static long required(Map<String, Long> pids, String name) {
        Long pid = pids.get(name);
        if (pid == null) {
            throw new IllegalStateException("no pid for " + name + " in .faro/run/pids: is the stack up?");
        }
        return pid;
    }
}
