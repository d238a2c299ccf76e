package io.reroute.platform.notification;

import io.reroute.platform.notification.internal.MailTransport;
import io.reroute.platform.notification.internal.OutgoingMail;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A mail a subscriber asked for just now (a sign-in code), sent at once from the workspace's sender
 * rather than queued: it is useless minutes later, and the subscriber can simply ask again.
 */
@Component
public class WorkspaceMail {

    private final MailTransport transport;
    private final Workspaces workspaces;
    private final WorkspaceTransactions transactions;
    private final NotificationProperties properties;

    WorkspaceMail(
            MailTransport transport,
            Workspaces workspaces,
            WorkspaceTransactions transactions,
            NotificationProperties properties) {
        this.transport = transport;
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Reads the sender in a transaction of its own and holds none while the mail goes out. */
    public Mono<Void> sendNow(WorkspaceId workspace, String to, String subject, String body) {
        return transactions
                .inWorkspace(workspace, () -> workspaces.settings(workspace))
                .flatMap(settings -> {
                    var sender = settings.mail();
                    String address = sender != null && sender.fromAddress() != null
                            ? sender.fromAddress()
                            : properties.fromAddress();
                    String name =
                            sender != null && sender.fromName() != null ? sender.fromName() : settings.displayName();
                    return transport.send(new OutgoingMail(address, name, to, subject, body));
                });
    }
}
