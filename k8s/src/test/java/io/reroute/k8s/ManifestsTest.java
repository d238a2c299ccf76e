package io.reroute.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under {@code k8s/} as {@code kubectl apply -k} would see them: every overlay and
 * region renders, every object parses into the typed model, and what they run agrees with what the
 * build produces and the applications expect.
 */
class ManifestsTest {

    private static final String REPOSITORY = rootProperty("reroute.image.repository");
    private static final String VERSION = projectVersion();
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|CREDENTIALS|_KEY)$");

    /** What each module listens on for HTTP, by the variable its application.yml reads. */
    private static final Map<String, String> HTTP_PORT_VARIABLE = Map.of(
            "platform", "REROUTE_PLATFORM_PORT",
            "enforcement-gateway", "REROUTE_GATEWAY_PORT",
            "tenant-ui", "REROUTE_TENANT_UI_PORT",
            "portal-ui", "REROUTE_PORTAL_UI_PORT");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/single-node", "regions/eu-west", "regions/us-east"})
    void everyKustomizationRendersIntoTheTypedModel(String directory) {
        var objects = Kustomize.render(directory);

        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            if (object.getApiVersion().startsWith("postgresql.cnpg.io/")) {
                assertThat(object).isInstanceOf(GenericKubernetesResource.class);
            } else {
                // A kind or field the model does not know would come back generic or fail to parse.
                assertThat(object)
                        .as(object.getKind() + " " + name(object))
                        .isNotInstanceOf(GenericKubernetesResource.class);
            }
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "reroute");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/single-node"})
    void everyContainerRunsABuiltImageNonRootWithProbesAndLimits(String overlay) throws IOException {
        var objects = Kustomize.render(overlay);
        assertThat(objects).allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                .isEqualTo("reroute"));

        for (var workload : workloads(objects).entrySet()) {
            PodSpec pod = workload.getValue();
            assertThat(pod.getSecurityContext().getRunAsNonRoot())
                    .as(workload.getKey())
                    .isTrue();
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(workload.getKey())
                    .isFalse();
            for (Container container : pod.getContainers()) {
                String what = workload.getKey() + "/" + container.getName();
                String module = imageModule(container.getImage(), what);
                assertThat(Files.readString(Path.of("..", module, "pom.xml")))
                        .as(what + ": " + module + " builds its image with Jib")
                        .contains("<artifactId>jib-maven-plugin</artifactId>");
                assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what).containsKey("memory");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as(what)
                        .isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .as(what)
                        .isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop())
                        .as(what)
                        .contains("ALL");
                assertThat(container.getVolumeMounts())
                        .as(what + ": a writable /tmp")
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
                if (workload.getKey().startsWith("Deployment/")) {
                    assertThat(container.getLivenessProbe().getHttpGet().getPath())
                            .as(what)
                            .isEqualTo("/actuator/health/liveness");
                    assertThat(container.getReadinessProbe().getHttpGet().getPath())
                            .as(what)
                            .isEqualTo("/actuator/health/readiness");
                    assertThat(container.getStartupProbe()).as(what).isNotNull();
                }
                for (EnvVar variable : container.getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches()) {
                        assertThat(variable.getValue())
                                .as(what + " " + variable.getName() + " is inlined")
                                .isNull();
                        assertThat(variable.getValueFrom().getSecretKeyRef())
                                .as(what + " " + variable.getName())
                                .isNotNull();
                    }
                }
            }
        }
        assertThat(objects)
                .as("secrets are referenced, never part of the manifests")
                .noneSatisfy(object -> assertThat(object.getKind()).isEqualTo("Secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/single-node"})
    void portsAndProbesAgreeWithTheApplicationsConfiguration(String overlay) {
        var objects = Kustomize.render(overlay);
        for (Deployment deployment : of(objects, Deployment.class)) {
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            String module = imageModule(container.getImage(), name(deployment));
            var environment = environment(container, objects);
            var config = ApplicationConfig.of(module);

            int http = Integer.parseInt(config.effective(HTTP_PORT_VARIABLE.get(module), environment));
            assertThat(port(container, "http")).as(name(deployment) + " http").isEqualTo(http);
            // Probes and metrics on Spring Boot's management port, which nothing publishes.
            assertThat(port(container, "management"))
                    .as(name(deployment) + " management")
                    .isEqualTo(Integer.parseInt(environment.get("MANAGEMENT_SERVER_PORT")));
            for (var probe :
                    List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
            }
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", environment.get("MANAGEMENT_SERVER_PORT"));

            if (module.equals("enforcement-gateway")) {
                assertThat(port(container, "dns"))
                        .isEqualTo(Integer.parseInt(config.effective("REROUTE_DNS_PORT", environment)));
                assertThat(port(container, "captive"))
                        .isEqualTo(Integer.parseInt(config.effective("REROUTE_CAPTIVE_PORT", environment)));
                assertThat(port(container, "captive-tls"))
                        .isEqualTo(Integer.parseInt(config.effective("REROUTE_CAPTIVE_TLS_PORT", environment)));
                assertThat(port(container, "radius-auth"))
                        .isEqualTo(Integer.parseInt(config.effective("REROUTE_RADIUS_AUTH_PORT", environment)));
                assertThat(port(container, "radius-acct"))
                        .isEqualTo(Integer.parseInt(config.effective("REROUTE_RADIUS_ACCOUNTING_PORT", environment)));
                // Non-root: nothing below 1024 inside the container; the Services publish 53, 80 and 443.
                assertThat(container.getPorts())
                        .allSatisfy(port -> assertThat(port.getContainerPort()).isGreaterThan(1024));
            }
            if (module.equals("platform")) {
                // A Job migrates; the platform waits (readiness) for the schema instead of migrating.
                assertThat(environment).containsEntry("REROUTE_DB_MIGRATE_ON_START", "false");
                assertThat(config.contains("include: readinessState,r2dbc,redis,schema"))
                        .isTrue();
            }
        }
        for (Service service : of(objects, Service.class)) {
            if ("ExternalName".equals(service.getSpec().getType())) {
                continue; // Redis, outside the cluster
            }
            var pods = of(objects, Deployment.class).stream()
                    .filter(d -> d.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .entrySet()
                            .containsAll(service.getSpec().getSelector().entrySet()))
                    .toList();
            assertThat(pods).as(name(service) + " selects one Deployment").hasSize(1);
            Container container = pods.getFirst()
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            for (var port : service.getSpec().getPorts()) {
                var target = port.getTargetPort();
                assertThat(target.getStrVal())
                        .as(name(service) + " publishes no management port")
                        .isNotEqualTo("management");
                if (target.getIntVal() != null) {
                    assertThat(target.getIntVal()).as(name(service)).isNotEqualTo(port(container, "management"));
                }
                if (target.getStrVal() != null) {
                    assertThat(container.getPorts())
                            .as(name(service) + " -> " + target.getStrVal())
                            .anySatisfy(p -> assertThat(p.getName()).isEqualTo(target.getStrVal()));
                } else {
                    assertThat(container.getPorts())
                            .as(name(service) + " -> " + target.getIntVal())
                            .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(target.getIntVal()));
                }
            }
        }
    }

    @Test
    void productionRunsEveryPartReplicatedAndEachRegionsGatewaysSpreadAndKeepingSourceAddresses() {
        var objects = Kustomize.render("overlays/production");

        var platform = one(objects, Deployment.class, "platform");
        assertThat(platform.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(objects, HorizontalPodAutoscaler.class, "platform")
                        .getSpec()
                        .getMinReplicas())
                .isGreaterThanOrEqualTo(2);
        for (String part : List.of(
                "platform", "tenant-ui", "portal-ui", "enforcement-gateway-eu-west", "enforcement-gateway-us-east")) {
            assertThat(one(objects, PodDisruptionBudget.class, part)).as(part).isNotNull();
            assertThat(one(objects, Deployment.class, part).getSpec().getReplicas())
                    .as(part)
                    .isGreaterThanOrEqualTo(2);
        }
        assertThat(one(objects, Job.class, "reroute-migrate")).isNotNull();

        for (String region : List.of("eu-west", "us-east")) {
            var gateway = one(objects, Deployment.class, "enforcement-gateway-" + region);
            PodSpec pod = gateway.getSpec().getTemplate().getSpec();
            assertThat(environment(pod.getContainers().getFirst(), objects)).containsEntry("REROUTE_REGION", region);
            assertThat(pod.getAffinity()
                            .getNodeAffinity()
                            .getRequiredDuringSchedulingIgnoredDuringExecution()
                            .getNodeSelectorTerms()
                            .getFirst()
                            .getMatchExpressions()
                            .getFirst()
                            .getValues())
                    .containsExactly(region);
            assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                    .anySatisfy(term -> assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
            assertThat(environment(pod.getContainers().getFirst(), objects).get("REROUTE_GATEWAY_SECRET"))
                    .isNull(); // from a secret, per region:
            assertThat(pod.getContainers().getFirst().getEnv()).anySatisfy(variable -> {
                assertThat(variable.getName()).isEqualTo("REROUTE_GATEWAY_SECRET");
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("reroute-gateway-" + region);
            });
            for (String service : List.of("gateway-dns-", "gateway-radius-", "gateway-captive-")) {
                var published = one(objects, Service.class, service + region);
                assertThat(published.getSpec().getType()).isEqualTo("LoadBalancer");
                assertThat(published.getSpec().getExternalTrafficPolicy())
                        .as(service + region)
                        .isEqualTo("Local");
                assertThat(published.getSpec().getSelector()).containsEntry("reroute.io/region", region);
            }
            assertThat(one(objects, Service.class, "gateway-dns-" + region)
                            .getSpec()
                            .getPorts())
                    .extracting(port -> port.getPort() + "/" + port.getProtocol())
                    .containsExactlyInAnyOrder("53/UDP", "53/TCP");
            assertThat(one(objects, Service.class, "gateway-radius-" + region)
                            .getSpec()
                            .getPorts())
                    .extracting(port -> port.getPort() + "/" + port.getProtocol())
                    .containsExactlyInAnyOrder("1812/UDP", "1813/UDP");
        }
        assertThat(one(objects, GenericKubernetesResource.class, "reroute-db").getKind())
                .isEqualTo("Cluster");
    }

    @Test
    void everyHostIsServedOverTlsWithACertificateFromCertManager() {
        var objects = Kustomize.render("overlays/production");
        var ingresses = of(objects, Ingress.class);
        assertThat(ingresses)
                .extracting(HasMetadata::getMetadata)
                .extracting(m -> m.getName())
                .contains("api", "admin", "portal");
        for (Ingress ingress : ingresses) {
            assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
            var tlsHosts = ingress.getSpec().getTls().stream()
                    .flatMap(tls -> tls.getHosts().stream())
                    .toList();
            assertThat(ingress.getSpec().getRules())
                    .allSatisfy(rule -> assertThat(tlsHosts).contains(rule.getHost()));
        }
    }

    @Test
    void gatewaysReachOnlyThePlatformRedisTheNasAndTheResolverAndUisOnlyThePlatform() {
        var objects = Kustomize.render("overlays/production");
        var gateway = one(objects, NetworkPolicy.class, "enforcement-gateway");
        for (var rule : gateway.getSpec().getEgress()) {
            var ports =
                    rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
            if (rule.getTo().isEmpty()) {
                assertThat(ports).as("anywhere: Redis only").containsOnly(6379, 6380);
            } else if (rule.getTo().getFirst().getPodSelector() != null) {
                assertThat(selects(rule.getTo(), "platform")).isTrue();
                assertThat(ports).containsOnly(8080);
            } else {
                assertThat(ports)
                        .as("NAS and routers, or the upstream resolver")
                        .isSubsetOf(3799, 8728, 8729, 53);
            }
        }
        for (String ui : List.of("portal-ui", "tenant-ui")) {
            var policy = one(objects, NetworkPolicy.class, ui);
            var toPods = policy.getSpec().getEgress().stream()
                    .filter(rule -> !rule.getTo().isEmpty())
                    .toList();
            assertThat(toPods).allSatisfy(rule -> assertThat(selects(rule.getTo(), "platform"))
                    .isTrue());
        }
        assertThat(one(objects, NetworkPolicy.class, "portal-ui").getSpec().getEgress())
                .as("the portal reaches nothing outside")
                .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        assertThat(one(objects, NetworkPolicy.class, "default-deny").getSpec().getPolicyTypes())
                .containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @Test
    void theExampleOfAWorkspacesOwnReminderHostIsAValidIngress() throws IOException {
        var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
        Ingress ingress = serialization.unmarshal(
                Files.readString(Path.of("examples", "workspace-reminder-host.yaml")), Ingress.class);
        assertThat(ingress.getSpec().getTls().getFirst().getHosts())
                .containsExactly(ingress.getSpec().getRules().getFirst().getHost());
        assertThat(ingress.getSpec()
                        .getRules()
                        .getFirst()
                        .getHttp()
                        .getPaths()
                        .getFirst()
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("portal-ui");
    }

    private static boolean selects(List<NetworkPolicyPeer> peers, String app) {
        return peers.stream()
                .allMatch(peer -> peer.getPodSelector() != null
                        && app.equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")));
    }

    /** The module whose image this is; the image is this build's, in this version. */
    private static String imageModule(String image, String what) {
        assertThat(image).as(what).startsWith(REPOSITORY + "/").endsWith(":" + VERSION);
        String module = image.substring(REPOSITORY.length() + 1, image.lastIndexOf(':'));
        assertThat(Path.of("..", module, "pom.xml"))
                .as(what + ": a module of this build")
                .isRegularFile();
        return module;
    }

    private static Map<String, PodSpec> workloads(List<HasMetadata> objects) {
        Map<String, PodSpec> pods = new HashMap<>();
        of(objects, Deployment.class)
                .forEach(d -> pods.put(
                        "Deployment/" + name(d), d.getSpec().getTemplate().getSpec()));
        of(objects, Job.class)
                .forEach(j ->
                        pods.put("Job/" + name(j), j.getSpec().getTemplate().getSpec()));
        return pods;
    }

    /** The container's environment as the pod sees it: its ConfigMaps, then its own variables. */
    private static Map<String, String> environment(Container container, List<HasMetadata> objects) {
        Map<String, String> environment = new HashMap<>();
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                environment.putAll(
                        one(objects, ConfigMap.class, source.getConfigMapRef().getName())
                                .getData());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + name));
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String name) {
        var found = of(objects, kind).stream().filter(o -> name.equals(name(o))).toList();
        assertThat(found).as(kind.getSimpleName() + " " + name).hasSize(1);
        return found.getFirst();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String rootProperty(String property) {
        var matcher =
                Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(rootPom());
        assertThat(matcher.find()).as(property + " in the root pom").isTrue();
        return matcher.group(1);
    }

    private static String projectVersion() {
        var matcher = Pattern.compile("<artifactId>reroute-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(rootPom());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String rootPom() {
        try {
            return Files.readString(Path.of("..", "pom.xml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
