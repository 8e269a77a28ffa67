package dev.faro.local.launcher;

import dev.faro.local.infra.FreePorts;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxHttpServer;
import dev.faro.local.infra.KafkaAdmin;
import dev.faro.local.infra.KafkaBrokerProcess;
import dev.faro.local.infra.KafkaSettings;
import dev.faro.local.infra.LocalPostgres;
import dev.faro.local.infra.PostgresSettings;
import dev.faro.local.infra.QuietLogging;
import dev.faro.local.infra.SmtpSink;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole of Faro on this machine: PostgreSQL, the SMTP sink and its web inbox in this JVM; Kafka and the four
 * services as child JVMs. {@link #start} returns once every service is ready; {@link #close} stops everything in
 * reverse order (also at JVM exit).
 */
public final class FaroStack implements AutoCloseable {

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);

    private final StackConfig config;
    private final PrintStream progress;
    private final PidFile pidFile;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "faro-stack-stop");
    private SmtpSink smtp;
    /** The current broker and database: a fault test may stop and start them again (see {@link #faults()}). */
    private KafkaBrokerProcess kafka;

    private LocalPostgres postgres;
    /** What each service was started with, so another instance of it can join the same infrastructure. */
    private final Map<FaroService, Map<String, String>> environments = new EnumMap<>(FaroService.class);
    /** Processes a caller killed through {@link ServiceInstance#kill()}: their exit is no crash to report. */
    private final Set<Long> killedOnPurpose = ConcurrentHashMap.newKeySet();
    /** The instance of each service the stack started itself. */
    private final Map<FaroService, ServiceProcess> firstInstances = new EnumMap<>(FaroService.class);

    /** Added to every service's environment: a test's own settings. */
    private final Map<String, String> serviceSettings;

    private FaroStack(StackConfig config, PrintStream progress, Map<String, String> serviceSettings) {
        this.config = config;
        this.progress = progress;
        this.serviceSettings = Map.copyOf(serviceSettings);
        this.pidFile = new PidFile(config.run().resolve("pids"));
    }

    public static FaroStack start(StackConfig config) {
        return start(config, System.out);
    }

    public static FaroStack start(StackConfig config, PrintStream progress) {
        return start(config, progress, Map.of());
    }

    /**
     * As {@link #start(StackConfig, PrintStream)}, with {@code serviceSettings} added to every service's environment
     * (a fault test lifts the per-address rate limit, say).
     */
    public static FaroStack start(StackConfig config, PrintStream progress, Map<String, String> serviceSettings) {
        checkBuilt(config);
        checkPortsFree(config);
        FaroStack stack = new FaroStack(config, progress, serviceSettings);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void checkBuilt(StackConfig config) {
        List<String> missing = new ArrayList<>();
        for (FaroService service : FaroService.values()) {
            if (!Files.isRegularFile(config.serviceJar(service))) {
                missing.add(
                        config.repoRoot().relativize(config.serviceJar(service)).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + "; run ./mvnw -B package -DskipTests (./faro up does it when something is missing)");
        }
    }

    private static void checkPortsFree(StackConfig config) {
        List<String> taken = new ArrayList<>();
        config.portOwners().forEach((port, owner) -> {
            if (FreePorts.inUse(port)) {
                taken.add("port " + port + " (" + owner + ") is in use");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException(String.join("; ", taken) + ": is Faro already running? try ./faro status");
        }
    }

    private void startAll() {
        // In a test JVM SLF4J ends in the JBoss LogManager with DEBUG enabled, and GreenMail then wraps every SMTP
        // connection in its logging streams: the sink answered byte by byte and the whole stack emailed 17 a second
        // instead of a hundred.
        QuietLogging.apply();
        createDirectories();
        pidFile.add("supervisor", ProcessHandle.current().pid());

        Instant step = Instant.now();
        startPostgres();
        running.push(stop("PostgreSQL", () -> postgres.close()));
        for (FaroService service : FaroService.values()) {
            postgres.ensureDatabase(service.database(), service.database(), service.database());
        }
        progress.printf("  %-18s %s (%d s)%n", "PostgreSQL", postgres.jdbcUrl("<db>"), secondsSince(step));

        smtp = SmtpSink.start(config.smtpPort());
        running.push(smtp);
        running.push(InboxHttpServer.start(smtp, config.inboxPort()));
        progress.printf("  %-18s smtp://127.0.0.1:%d, inbox %s%n", "SMTP sink", config.smtpPort(), inboxUrl());

        step = Instant.now();
        startKafka();
        running.push(stop("Kafka", () -> kafka.close()));
        KafkaAdmin.createTopics(kafka.bootstrapServers());
        progress.printf("  %-18s %s, topics created (%d s)%n", "Kafka", kafka.bootstrapServers(), secondsSince(step));

        LocalAuth.ensure(config.stateDir());
        Map<String, String> secrets = LocalSecrets.ensure(config.stateDir());

        List<ServiceProcess> services = new ArrayList<>();
        for (FaroService service : FaroService.values()) {
            environments.put(service, serviceEnvironment(service, postgres, kafka, secrets));
            services.add(startFirstInstance(service));
        }
        progress.printf("  %-18s started, waiting for /q/health/ready%n", "services");
        ServiceReadiness.awaitAll(services, config, progress);
        services.forEach(this::reportUnexpectedExit);
        writeReadyFile();
    }

    void startPostgres() {
        postgres = LocalPostgres.start(new PostgresSettings(
                config.stateDir().resolve("postgres"),
                config.postgresPort(),
                true,
                config.logs().resolve("postgres.log")));
        postgres.postmasterPid().ifPresent(pid -> pidFile.add("postgres", pid));
    }

    void stopPostgres() {
        postgres.close();
    }

    void startKafka() {
        kafka = KafkaBrokerProcess.start(
                new KafkaSettings(config.stateDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort()),
                KafkaClasspath.resolve(config.repoRoot()),
                config.logs().resolve("kafka.log"),
                KAFKA_READY_TIMEOUT);
        pidFile.add("kafka", kafka.pid());
    }

    void killKafka() {
        kafka.kill();
    }

    SmtpSink smtp() {
        return smtp;
    }

    /**
     * Kills the instance of {@code service} the stack started (SIGKILL, as a crash) and starts it again on its port,
     * with the same environment; returns once it is ready again.
     */
    void crashAndRestart(FaroService service, Runnable whileDown) {
        instance(service).kill();
        running.remove(firstInstances.get(service));
        try {
            whileDown.run();
        } finally {
            // Whatever happened meanwhile, the stack gets its service back for the tests that follow.
            ServiceProcess process = startFirstInstance(service);
            ServiceReadiness.awaitOne(process, config.port(service), config, progress);
            reportUnexpectedExit(process);
        }
    }

    /** Starts the instance of {@code service} the stack owns, on its configured port; does not wait for it. */
    private ServiceProcess startFirstInstance(FaroService service) {
        ServiceProcess process = ServiceProcess.start(
                service,
                config.serviceJar(service),
                config.run().resolve(service.directory()),
                config.logs().resolve(service.directory() + ".log"),
                environments.get(service));
        running.push(process);
        firstInstances.put(service, process);
        pidFile.add(service.directory(), process.pid());
        return process;
    }

    /** Outages and crashes of the stack's parts, for the fault tests. */
    public StackFaults faults() {
        return new StackFaults(this);
    }

    private static AutoCloseable stop(String what, AutoCloseable action) {
        return new AutoCloseable() {
            @Override
            public void close() throws Exception {
                action.close();
            }

            @Override
            public String toString() {
                return what;
            }
        };
    }

    private Map<String, String> serviceEnvironment(
            FaroService service, LocalPostgres postgres, KafkaBrokerProcess kafka, Map<String, String> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(config.port(service)));
        // Local demo data and an admin token: not something to expose beyond this machine.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
        env.put("QUARKUS_DATASOURCE_PASSWORD", service.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The sink listens on IPv4 loopback only; "localhost" may resolve to ::1 first.
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(config.smtpPort()));
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                LocalAuth.publicKey(config.stateDir()).toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalAuth.ISSUER);
        env.put("FARO_DEMO_SEED", "true");
        // Local mode is for trying Faro on this machine, CRM stand-ins included: webhooks may target loopback.
        env.put("FARO_WEBHOOKS_ALLOW_LOOPBACK", "true");
        env.putAll(secrets);
        for (FaroService other : FaroService.values()) {
            env.put(other.publicUrlVariable(), serviceUrl(other).toString());
        }
        env.putAll(serviceSettings);
        return env;
    }

    private void reportUnexpectedExit(ServiceProcess service) {
        service.process().onExit().thenAccept(process -> {
            if (!closed.get() && !killedOnPurpose.contains(process.pid())) {
                progress.printf(
                        "%s stopped unexpectedly (exit code %d); see %s%n",
                        service.service().directory(), process.exitValue(), service.logFile());
            }
        });
    }

    private void createDirectories() {
        try {
            Files.createDirectories(config.logs());
            Files.createDirectories(config.run());
            Files.deleteIfExists(readyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + config.stateDir(), e);
        }
    }

    private void writeReadyFile() {
        try {
            Files.writeString(readyFile(), summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path readyFile() {
        return config.run().resolve("ready");
    }

    /** URLs and how to call the services, as {@code ./faro up} prints them. */
    public String summary() {
        StringBuilder text = new StringBuilder("Faro is up.\n");
        for (FaroService service : FaroService.values()) {
            text.append(String.format("  %-18s %s%n", service.directory(), serviceUrl(service)));
        }
        Path token = display(adminTokenFile());
        text.append(String.format("  %-18s %s%n", "inbox", inboxUrl()))
                .append(String.format("  %-18s %s%n", "kafka", kafkaBootstrap()))
                .append(String.format(
                        "  %-18s jdbc:postgresql://localhost:%d/faro_<service> (user and password faro_<service>)%n",
                        "postgres", config.postgresPort()))
                .append(String.format("  %-18s %s (groups admin, marketer; valid a year)%n", "admin token", token))
                .append(String.format(
                        "Try: curl -H \"Authorization: Bearer $(cat %s)\" %s/api/campaigns/demo/funnel%n",
                        token, serviceUrl(FaroService.ANALYTICS)))
                .append(String.format(
                        "Dashboard: %s/ (sign in with the admin token)%n", serviceUrl(FaroService.ANALYTICS)))
                .append(String.format("Logs in %s%n", display(config.logs())));
        return text.toString();
    }

    /** Relative to the working directory when inside it, as a user would type it. */
    private static Path display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path) : path;
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Starts one more instance of a service on a free port, with everything else as the first instance has it
     * (database, Kafka consumer groups, keys): a second consumer in each of its groups. Returns once it is ready;
     * it stops with the stack, or earlier through the handle.
     */
    public ServiceInstance startAnotherInstance(FaroService service, String name) {
        return startAnotherInstance(service, name, Map.of());
    }

    /**
     * As {@link #startAnotherInstance(FaroService, String)}, with {@code settings} added to (or replacing) the
     * environment: a test's own timing, say.
     */
    public ServiceInstance startAnotherInstance(FaroService service, String name, Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>(environments.get(service));
        env.putAll(settings);
        int port = FreePorts.find();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServiceProcess process = ServiceProcess.start(
                service,
                config.serviceJar(service),
                config.run().resolve(service.directory() + "-" + name),
                config.logs().resolve(service.directory() + "-" + name + ".log"),
                env);
        running.push(process);
        pidFile.add(service.directory() + "-" + name, process.pid());
        ServiceReadiness.awaitOne(process, port, config, progress);
        return new ServiceInstance(process, port);
    }

    /** The instance of {@code service} the stack started itself, on its configured port. */
    public ServiceInstance instance(FaroService service) {
        ServiceProcess process = firstInstances.get(service);
        return new ServiceInstance(process, config.port(service), () -> killedOnPurpose.add(process.pid()));
    }

    public URI serviceUrl(FaroService service) {
        return URI.create("http://localhost:" + config.port(service));
    }

    public URI inboxUrl() {
        return URI.create("http://localhost:" + config.inboxPort());
    }

    /** The mail the services sent, read in-process from the SMTP sink. */
    public Inbox inbox() {
        return smtp;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    public String jdbcUrl(FaroService service) {
        return "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + service.database();
    }

    public Path adminTokenFile() {
        return LocalAuth.adminTokenFile(config.stateDir());
    }

    public String adminToken() {
        try {
            return Files.readString(adminTokenFile()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops in reverse order of start (services, Kafka, SMTP sink and inbox, PostgreSQL); safe to call twice. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook
        }
        progress.println("Stopping Faro...");
        List<AutoCloseable> services =
                running.stream().filter(ServiceProcess.class::isInstance).toList();
        // The services first and together: each takes a while to drain, none depends on another to stop.
        List<Thread> stopping = services.stream()
                .map(service -> new Thread(() -> closeQuietly(service), "stop-" + service))
                .toList();
        stopping.forEach(Thread::start);
        stopping.forEach(FaroStack::join);
        running.removeAll(services);
        while (!running.isEmpty()) {
            closeQuietly(running.pop());
        }
        pidFile.delete();
        try {
            Files.deleteIfExists(readyFile());
        } catch (IOException ignored) {
            // nothing to clean up
        }
        progress.println("Faro stopped.");
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("could not stop " + resource + ": " + e.getMessage());
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }
}
