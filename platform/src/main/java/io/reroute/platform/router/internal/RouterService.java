package io.reroute.platform.router.internal;

import io.netty.util.NetUtil;
import io.reroute.platform.allowlist.AllowlistEntry;
import io.reroute.platform.allowlist.Allowlists;
import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.enforcement.GatewayMessages;
import io.reroute.platform.nas.NasClients;
import io.reroute.platform.net.HostName;
import io.reroute.platform.router.Router;
import io.reroute.platform.router.RouterJob;
import io.reroute.platform.router.RouterRequest;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.GatewayViewChanges;
import io.reroute.platform.workspace.Workspaces;
import io.reroute.routeros.RouterRole;
import io.reroute.routeros.RouterScript;
import io.reroute.routeros.UnpaidFlow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers routers and hands their jobs to the region's gateways. Router changes take the
 * workspace's gateway-view lock and tell the gateways in the same transaction; a job goes out
 * through the outbox with the transaction that records it.
 */
@Service
class RouterService {

    static final int API_PORT = 8728;
    static final int API_SSL_PORT = 8729;
    /** A job no gateway reported on by then shows as expired: no gateway of the region took it. */
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    private final RouterRepository repository;
    private final SecretCipher cipher;
    private final NasClients nasClients;
    private final Workspaces workspaces;
    private final Allowlists allowlists;
    private final AuditLog audit;
    private final GatewayViewChanges gatewayViews;
    private final GatewayMessages gatewayMessages;
    private final JsonMapper json;
    private final Clock clock;

    RouterService(
            RouterRepository repository,
            SecretCipher cipher,
            NasClients nasClients,
            Workspaces workspaces,
            Allowlists allowlists,
            AuditLog audit,
            GatewayViewChanges gatewayViews,
            GatewayMessages gatewayMessages,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.nasClients = nasClients;
        this.workspaces = workspaces;
        this.allowlists = allowlists;
        this.audit = audit;
        this.gatewayViews = gatewayViews;
        this.gatewayMessages = gatewayMessages;
        this.json = json;
        this.clock = clock;
    }

    Flux<Router> list(WorkspaceId workspace) {
        return repository.list(workspace);
    }

    Mono<Router> find(WorkspaceId workspace, UUID id) {
        return repository.find(workspace, id).switchIfEmpty(Mono.error(new NotFoundException("router")));
    }

    Mono<Router> create(WorkspaceId workspace, Actor actor, RouterRequest request) {
        if (request.password() == null) {
            throw new InvalidRequestException("password", "is required");
        }
        var now = clock.instant();
        var router = normalize(UUID.randomUUID(), request, now, now);
        return gatewayViews
                .lock(workspace)
                .then(checkNas(workspace, router))
                .then(repository.insert(workspace, router, seal(workspace, router.id(), request.password())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateName(router))
                .then(audit.record(workspace, actor, "router.created", target(router.id()), describe(router, true)))
                .then(gatewayViews.changed(workspace))
                .then(find(workspace, router.id()));
    }

    Mono<Router> replace(WorkspaceId workspace, Actor actor, UUID id, RouterRequest request) {
        return gatewayViews.lock(workspace).then(find(workspace, id)).flatMap(before -> {
            var after = normalize(id, request, before.createdAt(), clock.instant());
            String sealed = request.password() == null ? null : seal(workspace, id, request.password());
            return checkNas(workspace, after)
                    .then(repository.update(workspace, after, sealed))
                    .onErrorMap(DuplicateKeyException.class, e -> duplicateName(after))
                    .then(audit.record(workspace, actor, "router.updated", target(id), describe(after, sealed != null)))
                    .then(gatewayViews.changed(workspace))
                    .then(find(workspace, id));
        });
    }

    Mono<Void> delete(WorkspaceId workspace, Actor actor, UUID id) {
        return gatewayViews.lock(workspace).then(find(workspace, id)).flatMap(router -> repository
                .delete(workspace, id)
                .then(audit.record(workspace, actor, "router.deleted", target(id), describe(router, false)))
                .then(gatewayViews.changed(workspace)));
    }

    /** The RouterOS script that sets the router up for the unpaid flow, as an apply would. */
    Mono<String> script(WorkspaceId workspace, UUID id) {
        return find(workspace, id).flatMap(router -> Mono.zip(
                        workspaces.settings(workspace),
                        allowlists.entries(workspace).map(AllowlistEntry::value).collectList())
                .map(t -> {
                    var settings = t.getT1();
                    var radius = settings.radius();
                    var flow = new UnpaidFlow(
                            router.role(),
                            radius.restrictedAddressList(),
                            radius.restrictedRateLimit(),
                            radius.restrictedPool(),
                            settings.landing() == null
                                    ? null
                                    : settings.landing().ipv4(),
                            settings.reminderHost(),
                            t.getT2());
                    try {
                        return RouterScript.render(
                                "Unpaid flow for router \"" + router.name() + "\" (" + router.host() + ")",
                                flow.objects());
                    } catch (IllegalStateException e) {
                        throw new ConflictException(
                                e.getMessage() + ": set the landing IPv4 in the workspace settings");
                    }
                }));
    }

    /** Records a job and sends it to the region's gateways, which report back through their stream. */
    Mono<RouterJob> request(WorkspaceId workspace, Actor actor, UUID routerId, RouterJob.Kind kind) {
        var job = new RouterJob(
                UUID.randomUUID(),
                routerId,
                kind,
                RouterJob.Status.PENDING,
                actor.subject(),
                clock.instant(),
                null,
                null,
                null);
        return find(workspace, routerId)
                .then(repository.insertJob(workspace, job))
                .then(gatewayMessages.send(
                        workspace,
                        RouterJobRequested.TYPE,
                        new RouterJobRequested(job.id(), workspace.value(), routerId, kind.name(), job.requestedAt()),
                        job.requestedAt()))
                .then(audit.record(
                        workspace,
                        actor,
                        "router." + kind.name().toLowerCase(Locale.ROOT) + "-requested",
                        target(routerId),
                        Map.of("job", job.id().toString())))
                .thenReturn(job);
    }

    Flux<RouterJob> jobs(WorkspaceId workspace, UUID routerId, int limit) {
        return find(workspace, routerId)
                .thenMany(repository.jobs(workspace, routerId, limit).map(this::view));
    }

    Mono<RouterJob> job(WorkspaceId workspace, UUID routerId, UUID jobId) {
        return repository
                .job(workspace, routerId, jobId)
                .map(this::view)
                .switchIfEmpty(Mono.error(new NotFoundException("router job")));
    }

    /** The last reconciliation's drift report, or an error when the router was never reconciled. */
    Mono<DriftReport> drift(WorkspaceId workspace, UUID routerId) {
        return find(workspace, routerId).flatMap(router -> repository
                .drift(workspace, routerId)
                .map(stored -> new DriftReport(router.status().reconciledAt(), json.readTree(stored)))
                .switchIfEmpty(Mono.error(new NotFoundException("drift report (the router was never reconciled)"))));
    }

    private RouterJob view(RouterRepository.StoredJob job) {
        var status = job.status() == RouterJob.Status.PENDING
                        && job.requestedAt().plus(JOB_TIMEOUT).isBefore(clock.instant())
                ? RouterJob.Status.EXPIRED
                : job.status();
        return new RouterJob(
                job.id(),
                job.routerId(),
                job.kind(),
                status,
                job.requestedBy(),
                job.requestedAt(),
                job.finishedAt(),
                job.result() == null ? null : json.readTree(job.result()),
                status == RouterJob.Status.EXPIRED ? "no gateway of the region took the job" : job.error());
    }

    private Mono<Void> checkNas(WorkspaceId workspace, Router router) {
        if (router.nasId() == null) {
            return Mono.empty();
        }
        return nasClients
                .find(workspace, router.nasId())
                .switchIfEmpty(
                        Mono.error(new InvalidRequestException("nasId", "is not a NAS client of this workspace")))
                .then();
    }

    private String seal(WorkspaceId workspace, UUID id, String password) {
        return cipher.seal(password.getBytes(StandardCharsets.UTF_8), RouterRepository.passwordContext(workspace, id));
    }

    private static Router normalize(UUID id, RouterRequest request, Instant createdAt, Instant updatedAt) {
        var errors = new FieldErrors();
        String host = errors.parse("host", request.host(), RouterService::host);
        errors.throwIfAny();
        boolean tls = Boolean.TRUE.equals(request.tls());
        return new Router(
                id,
                request.name().strip(),
                host,
                request.port() != null ? request.port() : tls ? API_SSL_PORT : API_PORT,
                tls,
                request.username().strip(),
                request.role() != null ? request.role() : RouterRole.ACCESS,
                request.nasId(),
                null,
                createdAt,
                updatedAt,
                null);
    }

    /** An IP address in canonical form, or a host name. */
    private static String host(String text) {
        String value = text.strip();
        if (NetUtil.isValidIpV4Address(value) || NetUtil.isValidIpV6Address(value)) {
            return NetUtil.toAddressString(NetUtil.createInetAddressFromIpAddressString(value));
        }
        return HostName.parse(value).value();
    }

    private static ConflictException duplicateName(Router router) {
        return new ConflictException("a router named '" + router.name() + "' already exists");
    }

    private static String target(UUID id) {
        return "router/" + id;
    }

    private static Map<String, Object> describe(Router router, boolean passwordSet) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", router.name());
        values.put("host", router.host());
        values.put("port", router.port());
        values.put("tls", router.tls());
        values.put("username", router.username());
        values.put("role", router.role().name());
        values.put("nasId", router.nasId() == null ? null : router.nasId().toString());
        values.put("passwordChanged", passwordSet);
        return values;
    }

    /** The stream message asking the region's gateways to run a job. */
    record RouterJobRequested(UUID jobId, UUID workspaceId, UUID routerId, String kind, Instant occurredAt) {
        static final String TYPE = "router.job-requested";
    }

    /** What the last reconciliation found. */
    record DriftReport(Instant reconciledAt, JsonNode report) {}
}
