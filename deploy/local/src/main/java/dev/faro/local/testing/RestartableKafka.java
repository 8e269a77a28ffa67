package dev.faro.local.testing;

import dev.faro.local.infra.FreePorts;
import dev.faro.local.infra.InProcessKafka;
import dev.faro.local.infra.KafkaAdmin;
import dev.faro.local.infra.KafkaSettings;
import dev.faro.local.infra.QuietLogging;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A Kafka broker of one test's own, which the test stops and starts again on the same ports and data directory: for
 * proving what a service does while Kafka is down and once it is back, without taking away the broker the other tests
 * of the JVM share. It has every contract topic.
 *
 * <p>A Quarkus test resource starts it, points {@code kafka.bootstrap.servers} at it and {@link #register registers}
 * it under a name; the test takes it back with {@link #control(String)}:
 *
 * <pre>
 * // in the test resource
 * kafka = RestartableKafka.startOnFreePorts();
 * kafka.register("lead-outage");
 * // in the test
 * RestartableKafka.Control broker = RestartableKafka.control("lead-outage");
 * broker.stop();
 * broker.start();
 * </pre>
 *
 * The two meet on the platform MBean server rather than in a static field: Quarkus loads a test resource and its test
 * through different class loaders, each with its own copy of every static field, whereas the MBean server belongs to
 * the JVM and passes only JDK types between them.
 */
public final class RestartableKafka implements AutoCloseable {

    /** What a test may do with the broker; every method waits until the broker is up or down. */
    public interface Control {

        /** The same address before and after a restart. */
        String getBootstrapServers();

        boolean isRunning();

        /** Shuts the broker down cleanly; clients see connections refused. Does nothing when it is already down. */
        void stop();

        /** Starts it again on the same ports and data; returns once it answers. Does nothing when it is up. */
        void start();
    }

    private static final String DOMAIN = "dev.faro.local.testing";

    private final Path directory;
    private final KafkaSettings settings;
    private InProcessKafka broker;
    private ObjectName registeredAs;

    private RestartableKafka(Path directory, KafkaSettings settings, InProcessKafka broker) {
        this.directory = directory;
        this.settings = settings;
        this.broker = broker;
    }

    /** Starts a broker on two free ports with a fresh directory, and creates the contract's topics on it. */
    public static RestartableKafka startOnFreePorts() {
        QuietLogging.apply();
        // Under the same parent as the shared infrastructure, so a killed JVM's leftovers are reaped the same way.
        Path directory = TestWorkDirectory.create();
        List<Integer> ports = FreePorts.find(2);
        KafkaSettings settings = new KafkaSettings(directory.resolve("kafka"), ports.get(0), ports.get(1));
        InProcessKafka broker;
        try {
            broker = InProcessKafka.start(settings);
        } catch (RuntimeException e) {
            TestWorkDirectory.delete(directory);
            throw e;
        }
        RestartableKafka kafka = new RestartableKafka(directory, settings, broker);
        try {
            KafkaAdmin.createTopics(settings.bootstrapServers());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    public synchronized void stop() {
        if (broker != null) {
            InProcessKafka running = broker;
            broker = null;
            running.close();
        }
    }

    public synchronized void start() {
        if (broker == null) {
            // Same settings, so the same ports, cluster id and log: the topics and their records are still there.
            broker = InProcessKafka.start(settings);
        }
    }

    /** Makes this broker reachable through {@link #control(String)} until {@link #close()}. */
    public synchronized void register(String name) {
        if (registeredAs != null) {
            throw new IllegalStateException("already registered as " + registeredAs);
        }
        ObjectName objectName = objectName(name);
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new StandardMBean(new Controlled(this), Control.class), objectName);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalStateException(
                    "another RestartableKafka is registered as '" + name + "'; was its test resource not stopped?", e);
        } catch (JMException e) {
            throw new IllegalStateException("could not register " + objectName, e);
        }
        registeredAs = objectName;
    }

    /** The broker a test resource of this JVM {@link #register registered} under {@code name}. */
    public static Control control(String name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName objectName = objectName(name);
        if (!server.isRegistered(objectName)) {
            throw new IllegalStateException("no RestartableKafka is registered as '" + name
                    + "': does the test use the test resource that starts it?");
        }
        return JMX.newMBeanProxy(server, objectName, Control.class);
    }

    /** Stops the broker, withdraws its registration and deletes its data. */
    @Override
    public synchronized void close() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (InstanceNotFoundException e) {
                // gone already: nothing to withdraw
            } catch (JMException e) {
                System.err.println("faro-local: could not unregister " + registeredAs + ": " + e);
            }
            registeredAs = null;
        }
        try {
            stop();
        } finally {
            TestWorkDirectory.delete(directory);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(DOMAIN + ":type=RestartableKafka,name=" + ObjectName.quote(name));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not usable as a broker name: " + name, e);
        }
    }

    /** The MBean face of the broker: JMX wants an instance of the interface it exposes. */
    private record Controlled(RestartableKafka kafka) implements Control {

        @Override
        public String getBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public boolean isRunning() {
            return kafka.isRunning();
        }

        @Override
        public void stop() {
            kafka.stop();
        }

        @Override
        public void start() {
            kafka.start();
        }
    }
}
