package io.reroute.tenantui.subscriber;

import io.reroute.tenantui.ui.CursorPager;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The platform's two list shapes: forward by {@code nextAfter} (an id), backward in time by {@code nextBefore}. */
final class Pages {

    private Pages() {}

    record After<T>(List<T> items, UUID nextAfter) {

        CursorPager.Page<T> page() {
            return new CursorPager.Page<>(items, Objects.toString(nextAfter, null));
        }
    }

    record Before<T>(List<T> items, Long nextBefore) {

        CursorPager.Page<T> page() {
            return new CursorPager.Page<>(items, Objects.toString(nextBefore, null));
        }
    }
}
