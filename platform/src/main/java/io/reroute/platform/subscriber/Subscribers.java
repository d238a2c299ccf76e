package io.reroute.platform.subscriber;

import io.reroute.platform.subscriber.internal.SubscriberRepository;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Read access to subscribers for other features, in the caller's workspace transaction. */
@Component
public class Subscribers {

    private final SubscriberRepository repository;

    Subscribers(SubscriberRepository repository) {
        this.repository = repository;
    }

    /** What a subscriber's stored PPPoE password is bound to: it opens for this subscriber only. */
    public static String pppoePasswordContext(WorkspaceId workspace, UUID subscriber) {
        return "subscriber:" + workspace + ":" + subscriber + ":pppoe";
    }

    /** The subscriber, or empty when the workspace has no such subscriber. */
    public Mono<Subscriber> find(WorkspaceId workspace, UUID subscriber) {
        return repository.find(workspace, subscriber);
    }

    /** The subscriber with this account number, or empty. */
    public Mono<Subscriber> findByAccount(WorkspaceId workspace, String accountNumber) {
        return repository.findByAccount(workspace, accountNumber);
    }
}
