package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DnsMessageLayoutTest {

    /** example.com MX with the exchange name compressed against the question, and an OPT record. */
    static byte[] mxAnswerWithOpt() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x12, 0x34, (byte) 0x81, (byte) 0x80, 0, 1, 0, 1, 0, 1, 0, 1});
        out.writeBytes(new byte[] {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 15, 0, 1});
        // answer: pointer to the question name, MX, IN, TTL 3600, rdata = preference 10 + "mail" + pointer
        out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 15, 0, 1, 0, 0, 0x0e, 0x10, 0, 9, 0, 10});
        out.writeBytes(new byte[] {4, 'm', 'a', 'i', 'l', (byte) 0xc0, 12});
        // authority: SOA-like record with TTL 900 and four bytes of data
        out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 6, 0, 1, 0, 0, 0x03, (byte) 0x84, 0, 4, 1, 2, 3, 4});
        // OPT: root name, type 41, payload 1232, "TTL" carries flags and must never be aged
        out.writeBytes(new byte[] {0, 0, 41, 0x04, (byte) 0xd0, 0, 0, (byte) 0x80, 0, 0, 0});
        return out.toByteArray();
    }

    @Test
    void findsEveryTtlButTheOptsAndKeepsCompressedDataAsItIs() {
        byte[] message = mxAnswerWithOpt();
        var layout = DnsMessageLayout.of(message);
        assertThat(layout.ttlOffsets()).hasSize(2);
        assertThat(layout.cacheTtl()).isEqualTo(3600);
        assertThat(layout.questionEnd()).isEqualTo(29);

        byte[] aged = message.clone();
        layout.age(aged, 100);
        assertThat(DnsMessageLayout.of(aged).cacheTtl()).isEqualTo(3500);
        assertThat(aged[aged.length - 4]).as("OPT flags untouched").isEqualTo((byte) 0x80);
        layout.age(aged, 10_000);
        assertThat(DnsMessageLayout.of(aged).cacheTtl()).isZero();

        byte[] withoutOpt = layout.withoutOpt(message);
        assertThat(withoutOpt).hasSize(message.length - 11);
        assertThat(withoutOpt[11]).as("ARCOUNT").isZero();
        assertThat(DnsMessageLayout.of(withoutOpt).optOffset()).isEqualTo(-1);
    }

    @Test
    void takesTheAskersCaseAndId() {
        byte[] message = mxAnswerWithOpt();
        DnsMessageLayout.copyQuestionCase(message, "ExAmple.COM.");
        DnsMessageLayout.setId(message, 0xbeef);
        assertThat(new String(message, 13, 7)).isEqualTo("ExAmple");
        assertThat(new String(message, 21, 3)).isEqualTo("COM");
        assertThat(DnsMessageLayout.id(message)).isEqualTo(0xbeef);
        DnsMessageLayout.copyQuestionCase(message, "other.org.");
        assertThat(new String(message, 13, 7))
                .as("another name changes nothing")
                .isEqualTo("ExAmple");
    }

    @Test
    void malformedMessagesAreRefusedWithOneKindOfError() {
        assertThatThrownBy(() -> DnsMessageLayout.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
        byte[] valid = mxAnswerWithOpt();
        var random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
            for (byte[] candidate : new byte[][] {mutated, cut}) {
                try {
                    var layout = DnsMessageLayout.of(candidate);
                    layout.age(candidate, 5);
                    layout.withoutOpt(candidate);
                    DnsMessageLayout.copyQuestionCase(candidate, "example.com.");
                } catch (IllegalArgumentException expected) {
                    // the one documented way to refuse
                }
            }
        }
    }
}
