package io.reroute.platform.net;

import io.netty.util.NetUtil;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fully qualified DNS host name in its canonical form: ASCII (IDNA), lower case, no trailing dot.
 * At least two labels, and never an IP address literal.
 */
public record HostName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    public HostName {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses user input: trims, converts internationalised names, lower-cases, drops one trailing dot. */
    public static HostName parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a host name is required");
        }
        String text = input.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            text = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + input + "' is not a valid host name");
        }
        return new HostName(text.toLowerCase(Locale.ROOT));
    }

    /** True when {@code other} is this name or any name below it. */
    public boolean covers(HostName other) {
        return other.value.equals(value) || other.value.endsWith("." + value);
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "a host name is required";
        }
        if (value.length() > MAX_LENGTH) {
            return "a host name has at most " + MAX_LENGTH + " characters";
        }
        if (NetUtil.isValidIpV4Address(value) || NetUtil.isValidIpV6Address(value)) {
            return "'" + value + "' is an IP address, not a host name";
        }
        String[] labels = value.split("\\.", -1);
        if (labels.length < 2) {
            return "'" + value + "' is not a fully qualified host name (it needs a domain, like portal.example.net)";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "'" + value + "' is not a valid host name (label '" + label + "')";
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "'" + value + "' has a numeric top-level domain";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
