package io.reroute.platform.allowlist;

import io.reroute.platform.allowlist.internal.AllowlistRepository;
import io.reroute.platform.tenancy.WorkspaceId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Read access to a workspace's allowlist for other features, in the caller's workspace transaction. */
@Component
public class Allowlists {

    private final AllowlistRepository repository;

    Allowlists(AllowlistRepository repository) {
        this.repository = repository;
    }

    /** Every entry, by value. */
    public Flux<AllowlistEntry> entries(WorkspaceId workspace) {
        return repository.list(workspace);
    }
}
