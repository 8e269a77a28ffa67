package dev.faro.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One CloudNativePG cluster per service: its database, its backups, its replication and who may reach it. */
class PostgresClustersTest {

    private static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");
    /** Reserved superuser slots (3), the operator's and the instance manager's connections, an administrator's psql. */
    private static final int OPERATOR_AND_ADMIN_CONNECTIONS = 10;

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyServiceHasOneClusterCreatingItsDatabaseOwnedByItsRole(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("Cluster").stream().map(Manifests::name))
                .as("PostgreSQL clusters in %s", overlay)
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES.stream()
                        .map(PostgresDatabases::cluster)
                        .toList());
        for (String service : ServiceConfig.SERVICES) {
            JsonNode cluster = manifests.get("Cluster", PostgresDatabases.cluster(service));
            String database = PostgresDatabases.of(service);
            assertThat(cluster.at("/spec/bootstrap/initdb/database").asText())
                    .as(
                            "%s in %s: initdb database (%s's, as ./faro names it)",
                            Manifests.describe(cluster), overlay, service)
                    .isEqualTo(database);
            assertThat(cluster.at("/spec/bootstrap/initdb/owner").asText())
                    .as("%s in %s: initdb owner", Manifests.describe(cluster), overlay)
                    .isEqualTo(database);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyServiceConnectsToItsClustersPrimaryWithTheGeneratedCredentials(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            String cluster = PostgresDatabases.cluster(service);
            JsonNode settings = manifests.get("ConfigMap", service + "-config").path("data");
            String url = variable(config, "quarkus.datasource.jdbc.url");
            assertThat(settings.path(url).asText())
                    .as("ConfigMap/%s-config in %s: %s", service, overlay, url)
                    .isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/" + PostgresDatabases.of(service));

            JsonNode deployment = manifests.get("Deployment", service);
            for (String[] credential : List.of(
                    new String[] {"quarkus.datasource.username", "username"},
                    new String[] {"quarkus.datasource.password", "password"})) {
                String name = variable(config, credential[0]);
                JsonNode ref = env(deployment, name).at("/valueFrom/secretKeyRef");
                assertThat(ref.path("name").asText() + "/" + ref.path("key").asText())
                        .as("%s in %s: the Secret key behind %s", Manifests.describe(deployment), overlay, name)
                        .isEqualTo(cluster + "-app/" + credential[1]);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyClusterArchivesToItsOwnPlaceInTheBackupStore(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Set<String> targets = new TreeSet<>();
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            String what = Manifests.describe(cluster) + " in " + overlay;
            JsonNode plugin = StreamSupport.stream(cluster.at("/spec/plugins").spliterator(), false)
                    .filter(p -> BARMAN_PLUGIN.equals(p.path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(what + " has no " + BARMAN_PLUGIN + " plugin"));
            assertThat(plugin.path("isWALArchiver").asBoolean())
                    .as(what + ": archives its WAL")
                    .isTrue();
            assertThat(cluster.at("/spec/backup/barmanObjectStore").isMissingNode())
                    .as(what + " also uses the deprecated in-tree barmanObjectStore")
                    .isTrue();

            JsonNode store = manifests.get(
                    "ObjectStore", plugin.at("/parameters/barmanObjectName").asText());
            JsonNode configuration = store.at("/spec/configuration");
            String serverName = plugin.at("/parameters/serverName").asText(Manifests.name(cluster));
            assertThat(serverName).as(what + ": server name in the store").isEqualTo(Manifests.name(cluster));
            String target = configuration.path("destinationPath").asText().replaceAll("/+$", "") + "/" + serverName;
            assertThat(target).as(what + ": backup target").matches("s3://[a-z0-9.-]+/.*" + Manifests.name(cluster));
            targets.add(target);

            String storeWhat = Manifests.describe(store) + " in " + overlay;
            assertThat(configuration.at("/s3Credentials/accessKeyId/name").asText())
                    .as(storeWhat + ": access key")
                    .isEqualTo("faro-backup-s3");
            assertThat(configuration.at("/s3Credentials/secretAccessKey/name").asText())
                    .as(storeWhat + ": secret key")
                    .isEqualTo("faro-backup-s3");
            assertThat(configuration.at("/wal/compression").asText())
                    .as(storeWhat + ": WAL compression")
                    .isNotBlank();
            assertThat(store.at("/spec/retentionPolicy").asText())
                    .as(storeWhat + ": retention")
                    .matches("[1-9][0-9]*[dwm]");
        }
        assertThat(targets)
                .as("backup targets in %s, one per cluster", overlay)
                .hasSize(manifests.ofKind("Cluster").size());
    }

    @Test
    void prodKeepsBackupsThirtyDaysAndDevNeverWritesWhereProdDoes() {
        List<String> prodPaths = destinationPaths(Manifests.of("prod"));
        assertThat(prodPaths)
                .as("prod's backup stores, against dev's")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(destinationPaths(Manifests.of("dev")));
        for (JsonNode store : Manifests.of("prod").ofKind("ObjectStore")) {
            assertThat(store.at("/spec/retentionPolicy").asText())
                    .as("%s in prod: retention", Manifests.describe(store))
                    .isEqualTo("30d");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyClusterHasADailyScheduledBackup(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (JsonNode cluster : manifests.ofKind("Cluster")) {
            List<JsonNode> backups = manifests.ofKind("ScheduledBackup").stream()
                    .filter(b -> Manifests.name(cluster)
                            .equals(b.at("/spec/cluster/name").asText()))
                    .toList();
            assertThat(backups)
                    .as("ScheduledBackups of %s in %s", Manifests.describe(cluster), overlay)
                    .hasSize(1);
            JsonNode backup = backups.get(0);
            String what = Manifests.describe(backup) + " in " + overlay;
            // CloudNativePG's schedules have six fields, seconds first; daily = fixed time, every day of every month.
            assertThat(backup.at("/spec/schedule").asText())
                    .as(what + ": schedule")
                    .matches("\\d{1,2} \\d{1,2} \\d{1,2} \\* \\* \\*");
            assertThat(backup.at("/spec/method").asText()).as(what + ": method").isEqualTo("plugin");
            assertThat(backup.at("/spec/pluginConfiguration/name").asText())
                    .as(what + ": plugin")
                    .isEqualTo(BARMAN_PLUGIN);
        }
    }

    @Test
    void prodRunsThreeInstancesPerClusterOnDifferentNodes() {
        for (JsonNode cluster : Manifests.of("prod").ofKind("Cluster")) {
            String what = Manifests.describe(cluster) + " in prod";
            assertThat(cluster.at("/spec/instances").asInt())
                    .as(what + ": instances")
                    .isGreaterThanOrEqualTo(3);
            assertThat(cluster.at("/spec/affinity/enablePodAntiAffinity").asBoolean(true))
                    .as(what + ": anti-affinity")
                    .isTrue();
            assertThat(cluster.at("/spec/affinity/podAntiAffinityType").asText())
                    .as(what + ": anti-affinity type")
                    .isEqualTo("required");
            assertThat(cluster.at("/spec/affinity/topologyKey").asText())
                    .as(what + ": spread over")
                    .isEqualTo("kubernetes.io/hostname");
        }
    }

    @Test
    void prodAcknowledgesACommitOnlyOnceAStandbyHasIt() {
        for (JsonNode cluster : Manifests.of("prod").ofKind("Cluster")) {
            String what = Manifests.describe(cluster) + " in prod";
            JsonNode synchronous = cluster.at("/spec/postgresql/synchronous");
            assertThat(synchronous.path("number").asInt())
                    .as(what + ": synchronous standbys")
                    .isPositive();
            assertThat(synchronous.path("dataDurability").asText("required"))
                    .as(what + ": data durability")
                    .isEqualTo("required");
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void synchronousStandbysFitTheInstances(String overlay) {
        for (JsonNode cluster : Manifests.of(overlay).ofKind("Cluster")) {
            JsonNode synchronous = cluster.at("/spec/postgresql/synchronous");
            if (!synchronous.isMissingNode()) {
                assertThat(synchronous.path("number").asInt())
                        .as(
                                "%s in %s: synchronous standbys among %s instances",
                                Manifests.describe(cluster),
                                overlay,
                                cluster.at("/spec/instances").asInt())
                        .isLessThan(cluster.at("/spec/instances").asInt());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void noClusterTradesDurabilityForSpeed(String overlay) {
        for (JsonNode cluster : Manifests.of(overlay).ofKind("Cluster")) {
            JsonNode parameters = cluster.at("/spec/postgresql/parameters");
            for (String setting : List.of("synchronous_commit", "fsync", "full_page_writes")) {
                assertThat(parameters.path(setting).asText("on"))
                        .as("%s in %s: %s", Manifests.describe(cluster), overlay, setting)
                        .isNotIn("off", "false", "0", "no");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void noClusterLogsTheValuesOfARowOrAStatement(String overlay) {
        for (JsonNode cluster : Manifests.of(overlay).ofKind("Cluster")) {
            JsonNode parameters = cluster.at("/spec/postgresql/parameters");
            assertThat(parameters.path("log_error_verbosity").asText())
                    .as("%s in %s: log_error_verbosity", Manifests.describe(cluster), overlay)
                    .isEqualTo("terse");
            for (String setting : List.of("log_parameter_max_length", "log_parameter_max_length_on_error")) {
                assertThat(parameters.path(setting).asText("0"))
                        .as("%s in %s: %s", Manifests.describe(cluster), overlay, setting)
                        .isEqualTo("0");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void aSessionWhoseClientVanishedEndsWithinThreeMinutesWithItsLocks(String overlay) {
        for (JsonNode cluster : Manifests.of(overlay).ofKind("Cluster")) {
            JsonNode parameters = cluster.at("/spec/postgresql/parameters");
            // 0 means the kernel's defaults: two hours before the first probe.
            int idle = parameters.path("tcp_keepalives_idle").asInt(0);
            int interval = parameters.path("tcp_keepalives_interval").asInt(0);
            int count = parameters.path("tcp_keepalives_count").asInt(0);
            assertThat(List.of(idle, interval, count))
                    .as("%s in %s: keepalive idle, interval, count", Manifests.describe(cluster), overlay)
                    .allMatch(value -> value > 0);
            assertThat(idle + interval * count)
                    .as(
                            "%s in %s: seconds until a vanished client's session ends",
                            Manifests.describe(cluster), overlay)
                    .isLessThanOrEqualTo(180);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void onlyItsServiceItsOwnInstancesAndTheOperatorReachACluster(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            String cluster = PostgresDatabases.cluster(service);
            List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                    .filter(p -> cluster.equals(p.at("/spec/podSelector/matchLabels/cnpg.io~1cluster")
                            .asText()))
                    .toList();
            assertThat(policies)
                    .as("NetworkPolicies for the pods of %s in %s", cluster, overlay)
                    .hasSize(1);
            JsonNode policy = policies.get(0);
            String what = Manifests.describe(policy) + " in " + overlay;
            Set<String> apps = new TreeSet<>();
            Set<String> clusters = new TreeSet<>();
            Set<Integer> operatorPorts = new TreeSet<>();
            for (JsonNode rule : policy.at("/spec/ingress")) {
                assertThat(rule.path("from").isEmpty())
                        .as(what + " admits any source: " + rule)
                        .isFalse();
                for (JsonNode peer : rule.path("from")) {
                    JsonNode namespace = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name");
                    if (!namespace.isMissingNode()) {
                        assertThat(namespace.asText())
                                .as(what + ": the only other namespace")
                                .isEqualTo("cnpg-system");
                        rule.path("ports")
                                .forEach(port ->
                                        operatorPorts.add(port.path("port").asInt()));
                    } else if (peer.at("/podSelector/matchLabels/cnpg.io~1cluster")
                            .isTextual()) {
                        clusters.add(peer.at("/podSelector/matchLabels/cnpg.io~1cluster")
                                .asText());
                    } else {
                        apps.add(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name")
                                .asText("<any pod>"));
                        assertThat(rule.path("ports").findValuesAsText("port"))
                                .as(what + ": ports for " + peer)
                                .containsExactly("5432");
                    }
                }
            }
            assertThat(apps).as(what + ": applications admitted").containsExactly(service);
            assertThat(clusters).as(what + ": instances admitted").containsExactly(cluster);
            assertThat(operatorPorts).as(what + ": operator ports").containsExactlyInAnyOrder(8000, 5432);
        }
    }

    @ParameterizedTest
    @FieldSource("dev.faro.kubernetes.Manifests#OVERLAYS")
    void everyClusterTakesItsServicesFullConnectionPoolsWhileOneMoreReplicaRollsIn(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String service : ServiceConfig.SERVICES) {
            JsonNode cluster = manifests.get("Cluster", PostgresDatabases.cluster(service));
            int replicas = manifests
                            .get("HorizontalPodAutoscaler", service)
                            .at("/spec/maxReplicas")
                            .asInt()
                    + 1;
            int pool = ServiceConfig.of(service).databaseConnections();
            int maxConnections =
                    cluster.at("/spec/postgresql/parameters/max_connections").asInt(100);
            assertThat(replicas * pool + OPERATOR_AND_ADMIN_CONNECTIONS)
                    .as(
                            "%s in %s: %d replicas of %s with %d connections each, against max_connections",
                            Manifests.describe(cluster), overlay, replicas, service, pool)
                    .isLessThanOrEqualTo(maxConnections);
        }
    }

    /** The environment variable a service's {@code %prod} setting reads: {@code ${QUARKUS_DATASOURCE_JDBC_URL}}. */
    static String variable(ServiceConfig config, String key) {
        String value =
                config.get(key).orElseThrow(() -> new AssertionError(config.service() + " does not configure " + key));
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (!placeholder.matches()) {
            throw new AssertionError(config.service() + "'s " + key + " in prod is " + value
                    + ", not an environment variable the manifests could set");
        }
        return placeholder.group(1);
    }

    private static JsonNode env(JsonNode deployment, String name) {
        return StreamSupport.stream(
                        deployment.at("/spec/template/spec/containers").spliterator(), false)
                .flatMap(container -> StreamSupport.stream(container.path("env").spliterator(), false))
                .filter(env -> name.equals(env.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(Manifests.describe(deployment) + " sets no " + name));
    }

    private static List<String> destinationPaths(Manifests manifests) {
        return manifests.ofKind("ObjectStore").stream()
                .map(store -> store.at("/spec/configuration/destinationPath").asText())
                .toList();
    }
}
