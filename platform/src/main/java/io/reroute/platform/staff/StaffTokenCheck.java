package io.reroute.platform.staff;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Whether a staff member's token issued at a given time still stands, for the token decoder. */
public interface StaffTokenCheck {

    /** The claim that names the staff member in their tokens. */
    String STAFF_CLAIM = "staff_id";

    Mono<Boolean> stillValid(WorkspaceId workspace, UUID staffId, Instant issuedAt);
}
