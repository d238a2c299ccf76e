package io.reroute.platform.tenancy.internal;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/** Tags every HTTP server metric with the request's workspace ({@code none} before authentication). */
@Component
class WorkspaceObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object workspace = context.getAttributes().get(WorkspaceContextWebFilter.WORKSPACE_ATTRIBUTE);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of("workspace", workspace != null ? workspace.toString() : "none"));
    }
}
