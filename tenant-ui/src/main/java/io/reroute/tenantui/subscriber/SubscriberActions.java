package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.Notifications;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What staff can do to a subscriber, each button shown only to roles with its scope (the platform
 * enforces it anyway). After an action the page reloads what it changed.
 */
final class SubscriberActions extends HorizontalLayout {

    private record Notification(String kind, String channel, String recipient) {}

    private record Reminder(List<Notification> notifications) {}

    private final PlatformApi api;
    private final Runnable onChanged;
    private final Button suspend = new Button("Suspend", VaadinIcon.BAN.create(), e -> suspend());
    private final Button restore = new Button("Restore", VaadinIcon.PLAY.create(), e -> restore());
    private final Button remind = new Button("Send reminder", VaadinIcon.ENVELOPE.create(), e -> remind());
    private final Button payment = new Button("Record payment", VaadinIcon.MONEY.create(), e -> payment());
    private final Button topUp = new Button("Grant top-up", VaadinIcon.PLUS_CIRCLE.create(), e -> topUp());
    private final boolean canWrite;
    private Subscriber subscriber;

    SubscriberActions(PlatformApi api, CurrentStaff staff, Runnable onChanged) {
        this.api = api;
        this.onChanged = onChanged;
        this.canWrite = staff.can("subscribers:write");
        setId("subscriber-actions");
        setWrap(true);
        suspend.setId("action-suspend");
        restore.setId("action-restore");
        remind.setId("action-remind");
        payment.setId("action-payment");
        topUp.setId("action-top-up");
        remind.setVisible(staff.can("subscribers:remind"));
        payment.setVisible(staff.can("payments:write") && staff.can("invoices:read"));
        topUp.setVisible(canWrite && staff.can("plans:read"));
        add(suspend, restore, remind, payment, topUp);
    }

    /** Offers what fits the subscriber's state: suspend, or restore a suspended one. */
    void show(Subscriber subscriber) {
        this.subscriber = subscriber;
        boolean suspended = subscriber.state() == SubscriberState.SUSPENDED;
        suspend.setVisible(canWrite && !suspended);
        restore.setVisible(canWrite && suspended);
    }

    private void suspend() {
        withReason(
                "Suspend " + subscriber.name(),
                "Suspend",
                "The subscriber is restricted until staff restore them, whatever billing says.",
                "suspend",
                "Suspended.");
    }

    private void restore() {
        withReason(
                "Restore " + subscriber.name(),
                "Restore",
                "Ends the suspension; billing then decides the state, which may still be blocked.",
                "restore",
                "Restored.");
    }

    private void withReason(String title, String confirm, String explanation, String action, String done) {
        var dialog = new ActionDialog(title, confirm);
        var reason = new TextArea("Reason");
        reason.setId("reason-field");
        reason.setWidthFull();
        reason.setMaxLength(500);
        reason.setRequiredIndicatorVisible(true);
        dialog.add(new Paragraph(explanation), reason);
        dialog.field("reason", reason);
        dialog.onConfirm(() -> {
            api.post("/api/v1/subscribers/{id}/" + action, subscriber.id())
                    .body(Map.of("reason", reason.getValue()))
                    .send();
            Notifications.success(done);
            onChanged.run();
        });
        dialog.open();
        reason.focus();
    }

    private void remind() {
        var dialog = new ActionDialog("Send a reminder", "Send reminder");
        dialog.add(
                new Paragraph("Sends " + subscriber.name() + " a reminder by email now, with a signed link to pay."));
        dialog.onConfirm(() -> {
            Reminder sent = api.post("/api/v1/subscribers/{id}/reminders", subscriber.id())
                    .body(Map.of())
                    .as(Reminder.class);
            Notifications.success("Reminder queued: " + describe(sent) + ".");
        });
        dialog.open();
    }

    private static String describe(Reminder sent) {
        if (sent == null || sent.notifications() == null || sent.notifications().isEmpty()) {
            return "nothing to send";
        }
        return sent.notifications().stream()
                .map(n -> ("SMS".equals(n.channel()) ? "SMS" : "email") + " to " + n.recipient())
                .collect(Collectors.joining(", "));
    }

    private void payment() {
        new PaymentDialog(api, subscriber, onChanged).open();
    }

    private void topUp() {
        new TopUpDialog(api, subscriber, onChanged).open();
    }
}
