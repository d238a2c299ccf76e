package io.reroute.platform.notification.internal;

import java.util.regex.Pattern;

/** Subscribers' phone numbers as sent to an SMS provider, and as they may appear in logs. */
final class PhoneNumbers {

    // Subscriber numbers are stored as entered: digits, an optional leading +, spaces, dashes, brackets.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-./]");
    private static final Pattern DIGIT_RUNS = Pattern.compile("\\+?\\d[\\d\\s()\\-./]{4,}\\d");

    private PhoneNumbers() {}

    /** {@code +44 20 7946-0000} as {@code +442079460000}. */
    static String normalize(String phone) {
        return SEPARATORS.matcher(phone.strip()).replaceAll("");
    }

    /**
     * For logs: every digit but the last three (fewer for short numbers, and never more than all but
     * four) replaced, so a line identifies a number to someone who has it without disclosing it.
     */
    static String mask(String phone) {
        String number = normalize(phone);
        boolean plus = number.startsWith("+");
        String digits = plus ? number.substring(1) : number;
        int visible = Math.max(0, Math.min(3, digits.length() - 4));
        return (plus ? "+" : "") + "*".repeat(digits.length() - visible) + digits.substring(digits.length() - visible);
    }

    /** {@code text} with anything that looks like a phone number (six digits or more) masked. */
    static String redactNumbers(String text) {
        return DIGIT_RUNS.matcher(text).replaceAll(m -> mask(m.group()));
    }
}
