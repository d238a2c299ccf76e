package io.reroute.platform.nas.internal;

import io.netty.util.NetUtil;
import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.nas.NasClient;
import io.reroute.platform.nas.NasClientRequest;
import io.reroute.platform.nas.NasVendor;
import io.reroute.platform.net.IpNetwork;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.GatewayViewChanges;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers NAS clients. Every change takes the workspace's gateway-view lock and tells the
 * gateways in the same transaction, so a new NAS is answered within a second of its commit.
 */
@Service
class NasClientService {

    static final int DEFAULT_COA_PORT = 3799;

    private final NasClientRepository repository;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final GatewayViewChanges gatewayViews;
    private final Clock clock;

    NasClientService(
            NasClientRepository repository,
            SecretCipher cipher,
            AuditLog audit,
            GatewayViewChanges gatewayViews,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.gatewayViews = gatewayViews;
        this.clock = clock;
    }

    Flux<NasClient> list(WorkspaceId workspace) {
        return repository.list(workspace);
    }

    Mono<NasClient> find(WorkspaceId workspace, UUID id) {
        return repository.find(workspace, id).switchIfEmpty(Mono.error(new NotFoundException("NAS client")));
    }

    Mono<NasClient> create(WorkspaceId workspace, Actor actor, NasClientRequest request) {
        if (request.secret() == null) {
            throw new InvalidRequestException("secret", "is required");
        }
        var now = clock.instant();
        var nas = normalize(UUID.randomUUID(), request, now, now);
        return gatewayViews
                .lock(workspace)
                .then(repository.insert(workspace, nas, seal(workspace, nas.id(), request.secret())))
                .onErrorMap(DuplicateKeyException.class, e -> conflict(e, nas))
                .then(audit.record(workspace, actor, "nas-client.created", target(nas.id()), describe(nas, true)))
                .then(gatewayViews.changed(workspace))
                .thenReturn(nas);
    }

    Mono<NasClient> replace(WorkspaceId workspace, Actor actor, UUID id, NasClientRequest request) {
        return gatewayViews.lock(workspace).then(find(workspace, id)).flatMap(before -> {
            var after = normalize(id, request, before.createdAt(), clock.instant());
            String sealed = request.secret() == null ? null : seal(workspace, id, request.secret());
            return repository
                    .update(workspace, after, sealed)
                    .onErrorMap(DuplicateKeyException.class, e -> conflict(e, after))
                    .then(audit.record(
                            workspace, actor, "nas-client.updated", target(id), describe(after, sealed != null)))
                    .then(gatewayViews.changed(workspace))
                    .thenReturn(after);
        });
    }

    Mono<Void> delete(WorkspaceId workspace, Actor actor, UUID id) {
        return gatewayViews.lock(workspace).then(find(workspace, id)).flatMap(nas -> repository
                .delete(workspace, id)
                .then(audit.record(workspace, actor, "nas-client.deleted", target(id), describe(nas, false)))
                .then(gatewayViews.changed(workspace)));
    }

    private String seal(WorkspaceId workspace, UUID id, String secret) {
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8), NasClientRepository.secretContext(workspace, id));
    }

    private static NasClient normalize(UUID id, NasClientRequest request, Instant createdAt, Instant updatedAt) {
        var errors = new FieldErrors();
        String address = errors.parse("address", request.address(), NasClientService::hostAddress);
        if (request.secret() != null
                && request.secret().strip().length() != request.secret().length()) {
            errors.add("secret", "must not start or end with white space");
        }
        errors.throwIfAny();
        return new NasClient(
                id,
                request.name().strip(),
                address,
                request.coaPort() != null ? request.coaPort() : DEFAULT_COA_PORT,
                request.vendor() != null ? request.vendor() : NasVendor.MIKROTIK,
                request.requireMessageAuthenticator() == null || request.requireMessageAuthenticator(),
                createdAt,
                updatedAt);
    }

    /** One unicast host address in canonical form: requests are matched on their source address. */
    private static String hostAddress(String text) {
        var network = IpNetwork.parse(text);
        int bits = network.address().getAddress().length * 8;
        if (network.prefixLength() != bits) {
            throw new IllegalArgumentException("must be one host address, not a network");
        }
        InetAddress address = network.address();
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new IllegalArgumentException("must be a unicast host address");
        }
        return NetUtil.toAddressString(address);
    }

    private static ConflictException conflict(DuplicateKeyException e, NasClient nas) {
        return e.getMessage().contains("nas_client_address_key")
                ? new ConflictException("address " + nas.address() + " is already registered as a NAS client")
                : new ConflictException("a NAS client named '" + nas.name() + "' already exists");
    }

    private static String target(UUID id) {
        return "nas-client/" + id;
    }

    private static Map<String, Object> describe(NasClient nas, boolean secretSet) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", nas.name());
        values.put("address", nas.address());
        values.put("coaPort", nas.coaPort());
        values.put("vendor", nas.vendor().name());
        values.put("requireMessageAuthenticator", nas.requireMessageAuthenticator());
        values.put("secretChanged", secretSet);
        return values;
    }
}
