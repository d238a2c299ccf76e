package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** A subscriber's state as a coloured badge: green online, amber warned or capped, red blocked. */
public final class StateBadge {

    private StateBadge() {}

    public static Badge of(SubscriberState state) {
        var badge = new Badge(state == null ? "Unknown" : state.label());
        badge.getElement().setAttribute("data-state", state == null ? "" : state.name());
        if (state != null) {
            switch (state) {
                case ACTIVE -> badge.addThemeVariants(BadgeVariant.SUCCESS);
                case WARNED, CAPPED -> badge.addThemeVariants(BadgeVariant.WARNING);
                case BLOCKED -> badge.addThemeVariants(BadgeVariant.ERROR);
                case SUSPENDED -> badge.addThemeVariants(BadgeVariant.CONTRAST);
            }
        }
        return badge;
    }

    /** A yes/no style badge for other statuses: {@code good} green, otherwise red. */
    public static Badge status(String text, boolean good) {
        var badge = new Badge(text);
        badge.addThemeVariants(good ? BadgeVariant.SUCCESS : BadgeVariant.ERROR);
        return badge;
    }

    /** A neutral badge. */
    public static Badge neutral(String text) {
        var badge = new Badge(text);
        badge.addThemeVariants(BadgeVariant.CONTRAST);
        return badge;
    }
}
