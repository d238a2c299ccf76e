package io.reroute.platform.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a webhook request comes from Stripe, by Stripe's documented scheme: the header
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]} carries HMAC-SHA256 of {@code
 * t + "." + body} under the endpoint's signing secret ({@code whsec_...}); during a secret roll
 * there is one {@code v1} per secret.
 *
 * <p>Written here rather than taken from stripe-java's {@code Webhook}: that one takes the body as
 * a String (the signature covers the bytes as sent), accepts timestamps any distance in the future,
 * and fails on a garbled header with whatever parsing throws. Its Gson event model only fills the
 * data object when the endpoint's API version is the library's own; the few fields read here are
 * the same in every version.
 */
public final class StripeWebhooks {

    /** Stripe's own libraries default to five minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String CHECKOUT_SESSION = "checkout.session";

    private StripeWebhooks() {}

    /**
     * Verifies the signature of a raw webhook body and parses the event; throws {@link
     * StripeSignatureException} on any mismatch (bad or missing header, wrong secret, timestamp more
     * than {@code tolerance} from {@code now} either way, malformed JSON).
     */
    public static StripeEvent verify(
            byte[] payload, String signatureHeader, String webhookSecret, Instant now, Duration tolerance) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(now, "now");
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("no webhook secret");
        }
        if (Objects.requireNonNull(tolerance, "tolerance").isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
        }
        var header = SignatureHeader.parse(signatureHeader);
        byte[] expected = sign(payload, header.timestamp(), webhookSecret);
        if (header.signatures().stream()
                .noneMatch(signature -> MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8)))) {
            throw new StripeSignatureException("no signature matches the body and the secret");
        }
        Instant signedAt = Instant.ofEpochSecond(header.timestamp());
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new StripeSignatureException("signed at " + signedAt + ", more than " + tolerance + " from " + now);
        }
        return parse(payload);
    }

    /** The lower-case hex HMAC-SHA256 of {@code t.body}, as ASCII bytes. */
    private static byte[] sign(byte[] payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload)).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record SignatureHeader(long timestamp, List<String> signatures) {

        static SignatureHeader parse(String header) {
            if (header == null || header.isBlank()) {
                throw new StripeSignatureException("no Stripe-Signature header");
            }
            Long timestamp = null;
            var signatures = new ArrayList<String>();
            for (String item : header.split(",")) {
                int equals = item.indexOf('=');
                if (equals < 0) {
                    throw new StripeSignatureException("garbled Stripe-Signature header");
                }
                String key = item.substring(0, equals).strip();
                String value = item.substring(equals + 1).strip();
                if (key.equals("t")) {
                    if (timestamp != null || !value.matches("\\d{1,12}")) {
                        throw new StripeSignatureException("garbled timestamp in the Stripe-Signature header");
                    }
                    timestamp = Long.parseLong(value);
                } else if (key.equals("v1")) {
                    signatures.add(value);
                }
                // Other schemes (v0 in test mode) are not signatures we check.
            }
            if (timestamp == null || signatures.isEmpty()) {
                throw new StripeSignatureException("the Stripe-Signature header lacks a timestamp or a v1 signature");
            }
            return new SignatureHeader(timestamp, signatures);
        }
    }

    private static StripeEvent parse(byte[] payload) {
        JsonNode event;
        try {
            event = JsonMapper.shared().readTree(payload);
        } catch (JacksonException e) {
            throw new StripeSignatureException("the webhook body is not JSON", e);
        }
        String id = string(event, "id");
        String type = string(event, "type");
        Long created = number(event, "created");
        if (!"event".equals(string(event, "object")) || id == null || type == null || created == null) {
            throw new StripeSignatureException("the webhook body is not a Stripe event");
        }
        boolean livemode =
                event.path("livemode").isBoolean() && event.path("livemode").booleanValue();
        JsonNode session = event.path("data").path("object");
        if (!CHECKOUT_SESSION.equals(string(session, "object"))) {
            return new StripeEvent(
                    id, type, Instant.ofEpochSecond(created), livemode, null, null, null, null, null, null, null, null);
        }
        var metadata = new HashMap<String, String>();
        for (Map.Entry<String, JsonNode> entry : session.path("metadata").properties()) {
            if (entry.getValue().isString()) {
                metadata.put(entry.getKey(), entry.getValue().stringValue());
            }
        }
        return new StripeEvent(
                id,
                type,
                Instant.ofEpochSecond(created),
                livemode,
                string(session, "id"),
                string(session, "client_reference_id"),
                string(session, "payment_status"),
                string(session, "status"),
                string(session, "payment_intent"),
                number(session, "amount_total"),
                string(session, "currency"),
                metadata);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
    }
}
