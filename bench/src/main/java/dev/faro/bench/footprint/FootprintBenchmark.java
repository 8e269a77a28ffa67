package dev.faro.bench.footprint;

import dev.faro.bench.BenchContext;
import dev.faro.bench.Benchmark;
import dev.faro.bench.Figure;
import dev.faro.bench.StackPids;
import dev.faro.local.infra.DatabaseAdmin;
import dev.faro.local.launcher.FaroService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time to first request and resident memory of a fresh process of each service, against {@link BareApp} started the
 * same way. The running stack stays up: each fresh service instance gets the environment {@code ./faro} gave the
 * running one (read from {@code /proc/<pid>/environ}) and a free port, so it joins the same database and, for the
 * seconds it lives, the same consumer groups. The bare app gets that environment with a scratch database
 * {@code faro_bare} instead, and has no Kafka channels.
 */
public final class FootprintBenchmark implements Benchmark {

    static final String BARE_DATABASE = "faro_bare";
    private static final int QUICK_ROUNDS = 1;
    private static final int FULL_ROUNDS = 3;

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public String title() {
        return "Footprint: time to first request and RSS per service";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path raw = context.rawOutput();
        Path root = context.stack().repoRoot();
        for (BareApp app : BareApp.values()) {
            app.build(root, raw.resolve("build-" + app.label() + ".log"));
        }
        Map<FaroService, Map<String, String>> environments = serviceEnvironments(context);
        DatabaseAdmin.ensureDatabase(
                "jdbc:postgresql://127.0.0.1:" + context.stack().postgresPort() + "/postgres",
                "postgres",
                "",
                BARE_DATABASE,
                BARE_DATABASE,
                BARE_DATABASE);
        Map<String, String> bareEnvironment = bareEnvironment(environments.get(FaroService.LEAD), context);

        int rounds = context.quick() ? QUICK_ROUNDS : FULL_ROUNDS;
        FreshStart starter = new FreshStart();
        // Unmeasured: the first start of a fresh build applies its migration to faro_bare and reads its jars from
        // disk, both of which the services, already running from their jars, were spared.
        for (BareApp app : BareApp.values()) {
            starter.measure(
                    app.label(),
                    0,
                    app.jar(root),
                    bareEnvironment,
                    raw.resolve("work/" + app.label()),
                    raw.resolve("logs/" + app.label() + "-warm-up.log"));
        }
        Map<BareApp, List<StartupSample>> bare = new EnumMap<>(BareApp.class);
        Map<FaroService, List<StartupSample>> services = new EnumMap<>(FaroService.class);
        List<StartupSample> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Each bare app right before the services it is the baseline of, so both see the same machine.
            for (BareApp app : BareApp.values()) {
                StartupSample sample = starter.measure(
                        app.label(),
                        round,
                        app.jar(root),
                        bareEnvironment,
                        raw.resolve("work/" + app.label()),
                        raw.resolve("logs/" + app.label() + "-" + round + ".log"));
                bare.computeIfAbsent(app, a -> new ArrayList<>()).add(sample);
                all.add(sample);
                for (FaroService service : FaroService.values()) {
                    if (BareApp.forService(service) != app) {
                        continue;
                    }
                    StartupSample serviceSample = starter.measure(
                            service.directory(),
                            round,
                            context.stack().serviceJar(service),
                            environments.get(service),
                            raw.resolve("work/" + service.directory()),
                            raw.resolve("logs/" + service.directory() + "-" + round + ".log"));
                    services.computeIfAbsent(service, s -> new ArrayList<>()).add(serviceSample);
                    all.add(serviceSample);
                }
            }
        }
        Files.writeString(raw.resolve("samples.csv"), SamplesCsv.write(all));

        List<Figure> figures = new ArrayList<>();
        for (FaroService service : FaroService.values()) {
            BareApp app = BareApp.forService(service);
            figures.addAll(FootprintFigures.forService(
                    service.directory(), services.get(service), app.describe(), bare.get(app)));
        }
        Optional<Duration> up = FaroUpTime.lastStart(context.stack().run());
        up.ifPresent(time -> figures.add(Figure.info(
                "./faro up to ready (the running stack's last start: supervisor JVM start to .faro/run/ready)",
                time.toMillis() / 1000.0,
                "s")));
        return figures;
    }

    /** What {@code ./faro} started each running service with; a fresh process of it gets the same. */
    private static Map<FaroService, Map<String, String>> serviceEnvironments(BenchContext context) throws IOException {
        Path pidFile = context.stack().run().resolve("pids");
        Map<String, Long> pids = StackPids.parse(Files.readString(pidFile));
        Map<FaroService, Map<String, String>> environments = new EnumMap<>(FaroService.class);
        for (FaroService service : FaroService.values()) {
            Long pid = pids.get(service.directory());
            Path environ = Path.of("/proc", String.valueOf(pid), "environ");
            if (pid == null || !Files.isReadable(environ)) {
                throw new IllegalStateException("cannot read the environment of the running " + service.directory()
                        + " (pid " + pid + " from " + pidFile + "): is the stack running as this user?");
            }
            environments.put(service, ProcFiles.environment(Files.readString(environ)));
        }
        return environments;
    }

    private static Map<String, String> bareEnvironment(Map<String, String> serviceEnvironment, BenchContext context) {
        Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
        environment.put(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://localhost:" + context.stack().postgresPort() + "/" + BARE_DATABASE);
        environment.put("QUARKUS_DATASOURCE_USERNAME", BARE_DATABASE);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", BARE_DATABASE);
        return environment;
    }
}
