package io.reroute.platform.tenancy.internal;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceId;
import jakarta.annotation.PostConstruct;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the workspace of the Reactor Context into the log MDC ({@code workspace_id}) while an
 * operator runs, via Reactor's automatic context propagation. The Reactor Context stays the source
 * of truth; the MDC only mirrors it for the log encoder.
 */
@Component
class WorkspaceLogContext implements ThreadLocalAccessor<WorkspaceId> {

    static final String MDC_KEY = "workspace_id";

    @PostConstruct
    void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(this);
    }

    @Override
    public Object key() {
        return WorkspaceContext.WORKSPACE_KEY;
    }

    @Override
    public WorkspaceId getValue() {
        String value = MDC.get(MDC_KEY);
        return value == null ? null : WorkspaceId.parse(value);
    }

    @Override
    public void setValue(WorkspaceId value) {
        MDC.put(MDC_KEY, value.toString());
    }

    @Override
    public void setValue() {
        MDC.remove(MDC_KEY);
    }
}
