package io.reroute.platform.link;

import io.reroute.platform.web.UnprocessableException;
import java.util.Map;

/** A reminder link that must not open anything, and why (the problem's {@code reason}). */
public class LinkRejectedException extends UnprocessableException {

    private final LinkRejection reason;

    public LinkRejectedException(LinkRejection reason, String detail) {
        super("link-rejected", "Link rejected", detail, Map.of("reason", reason.name()));
        this.reason = reason;
    }

    public LinkRejection reason() {
        return reason;
    }
}
