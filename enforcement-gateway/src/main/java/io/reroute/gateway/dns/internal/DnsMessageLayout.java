package io.reroute.gateway.dns.internal;

import java.util.Arrays;

/**
 * Where things are in a DNS response on the wire: enough to forward an upstream's answer
 * byte for byte (no decode and re-encode, which would break compressed names inside MX, SOA or SRV
 * data) while setting its id, the asker's letter case, and the remaining TTLs of a cached copy.
 *
 * @param ttlOffsets offset of every resource record's TTL field, the OPT pseudo-record excepted
 * @param optOffset where the OPT record starts when it is the last record, else -1
 * @param questionEnd the offset just past the question section
 * @param cacheTtl seconds a copy may be served: the smallest answer TTL, or for an answer without
 *     records (NXDOMAIN, NODATA) the smallest authority TTL (RFC 2308); 0 when nothing says
 */
record DnsMessageLayout(int[] ttlOffsets, int optOffset, int questionEnd, long cacheTtl) {

    private static final int HEADER = 12;
    private static final int OPT = 41;

    /** Reads the layout of {@code message}; {@link IllegalArgumentException} when it is not well formed. */
    static DnsMessageLayout of(byte[] message) {
        if (message.length < HEADER) {
            throw new IllegalArgumentException("shorter than a DNS header");
        }
        int questions = u16(message, 4);
        int answers = u16(message, 6);
        int authorities = u16(message, 8);
        int additionals = u16(message, 10);
        int offset = HEADER;
        for (int i = 0; i < questions; i++) {
            offset = skipName(message, offset) + 4;
        }
        int questionEnd = offset;
        int records = answers + authorities + additionals;
        int[] ttls = new int[records];
        int ttlCount = 0;
        int optOffset = -1;
        long answerTtl = Long.MAX_VALUE;
        long authorityTtl = Long.MAX_VALUE;
        for (int i = 0; i < records; i++) {
            int start = offset;
            offset = skipName(message, offset);
            check(message, offset + 10);
            int type = u16(message, offset);
            long ttl = u32(message, offset + 4);
            int dataLength = u16(message, offset + 8);
            if (type == OPT) {
                optOffset = start;
            } else {
                ttls[ttlCount++] = offset + 4;
                if (i < answers) {
                    answerTtl = Math.min(answerTtl, ttl);
                } else if (i < answers + authorities) {
                    authorityTtl = Math.min(authorityTtl, ttl);
                }
            }
            offset += 10 + dataLength;
            check(message, offset);
            if (type == OPT && i != records - 1) {
                optOffset = -1;
            }
        }
        long cacheTtl = answers > 0 ? answerTtl : authorityTtl;
        return new DnsMessageLayout(
                Arrays.copyOf(ttls, ttlCount), optOffset, questionEnd, cacheTtl == Long.MAX_VALUE ? 0 : cacheTtl);
    }

    static int id(byte[] message) {
        return u16(message, 0);
    }

    static void setId(byte[] message, int id) {
        message[0] = (byte) (id >>> 8);
        message[1] = (byte) id;
    }

    static boolean truncated(byte[] message) {
        return (message[2] & 0x02) != 0;
    }

    static int responseCode(byte[] message) {
        return message[3] & 0x0f;
    }

    /** Lowers every TTL by {@code elapsed} seconds, not below zero. */
    void age(byte[] message, long elapsed) {
        for (int offset : ttlOffsets) {
            long ttl = Math.max(0, u32(message, offset) - elapsed);
            message[offset] = (byte) (ttl >>> 24);
            message[offset + 1] = (byte) (ttl >>> 16);
            message[offset + 2] = (byte) (ttl >>> 8);
            message[offset + 3] = (byte) ttl;
        }
    }

    /**
     * The first question's name letters replaced by {@code name}'s (same name, maybe another case),
     * so the asker sees its own question; unchanged when the labels do not line up.
     */
    static void copyQuestionCase(byte[] message, String name) {
        int offset = HEADER;
        int index = 0;
        while (offset < message.length) {
            int length = message[offset] & 0xff;
            if (length == 0 || (length & 0xc0) != 0 || offset + 1 + length > message.length) {
                return;
            }
            for (int i = 0; i < length; i++) {
                if (index >= name.length()) {
                    return;
                }
                char c = name.charAt(index++);
                if (Character.toLowerCase(c) == Character.toLowerCase((char) (message[offset + 1 + i] & 0xff))) {
                    message[offset + 1 + i] = (byte) c;
                }
            }
            index++; // the dot
            offset += 1 + length;
        }
    }

    /** The message without its trailing OPT record, for an asker that did not use EDNS. */
    byte[] withoutOpt(byte[] message) {
        if (optOffset < 0) {
            return message;
        }
        byte[] shorter = Arrays.copyOf(message, optOffset);
        int additionals = u16(shorter, 10) - 1;
        shorter[10] = (byte) (additionals >>> 8);
        shorter[11] = (byte) additionals;
        return shorter;
    }

    /** Skips a possibly compressed name; returns the offset after it. */
    private static int skipName(byte[] message, int offset) {
        for (int labels = 0; labels < 128; labels++) {
            check(message, offset + 1);
            int length = message[offset] & 0xff;
            if ((length & 0xc0) == 0xc0) {
                check(message, offset + 2);
                return offset + 2;
            }
            if ((length & 0xc0) != 0) {
                throw new IllegalArgumentException("unknown label type");
            }
            offset += 1 + length;
            if (length == 0) {
                return offset;
            }
        }
        throw new IllegalArgumentException("name too long");
    }

    private static void check(byte[] message, int end) {
        if (end > message.length) {
            throw new IllegalArgumentException("truncated message");
        }
    }

    private static int u16(byte[] message, int offset) {
        check(message, offset + 2);
        return ((message[offset] & 0xff) << 8) | (message[offset + 1] & 0xff);
    }

    private static long u32(byte[] message, int offset) {
        check(message, offset + 4);
        return ((long) (message[offset] & 0xff) << 24)
                | ((message[offset + 1] & 0xff) << 16)
                | ((message[offset + 2] & 0xff) << 8)
                | (message[offset + 3] & 0xff);
    }
}
