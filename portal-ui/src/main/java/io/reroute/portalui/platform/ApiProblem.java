package io.reroute.portalui.platform;

/**
 * An RFC 9457 problem the platform answered with. The message is the platform's {@code detail},
 * written for people; {@code reason} says why a link was rejected.
 */
public final class ApiProblem extends RuntimeException {

    /** A reminder link the platform refused; {@link #reason()} says why. */
    public static final String LINK_REJECTED = "urn:reroute:problem:link-rejected";

    private final int status;
    private final String type;
    private final String title;
    private final String reason;

    public ApiProblem(int status, String type, String title, String detail, String reason) {
        super(detail != null && !detail.isBlank() ? detail : title != null ? title : "HTTP " + status);
        this.status = status;
        this.type = type;
        this.title = title;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** The problem type URN, e.g. {@code urn:reroute:problem:conflict}; may be null. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Why a link was rejected ({@code EXPIRED}, ...); null for other problems. */
    public String reason() {
        return reason;
    }

    public boolean is(String problemType) {
        return problemType.equals(type);
    }
}
