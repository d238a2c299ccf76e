package io.reroute.tenantui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsRecordsTest {

    @Test
    void theReminderHostPointsAtThePortal() {
        var records = DnsRecords.forReminderHost(
                " Pay.Example-ISP.net. ", new PortalProperties("203.0.113.10", "2001:db8::10"));

        assertThat(records).extracting(DnsRecords.DnsRecord::type).containsExactly("A", "AAAA");
        assertThat(records.getFirst().name()).isEqualTo("pay.example-isp.net");
        assertThat(records.getFirst().zoneLine()).isEqualTo("pay.example-isp.net. 3600 IN A 203.0.113.10");
        assertThat(records.get(1).zoneLine()).isEqualTo("pay.example-isp.net. 3600 IN AAAA 2001:db8::10");
        assertThat(records.getFirst().purpose()).contains("https://pay.example-isp.net/");
    }

    @Test
    void anUnknownPortalAddressIsAskedFor() {
        var records = DnsRecords.forReminderHost("pay.example-isp.net", new PortalProperties(" ", null));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.type()).isEqualTo("A");
            assertThat(record.value()).isEqualTo(DnsRecords.UNKNOWN_IPV4);
        });
    }

    @Test
    void nothingUntilAHostIsTyped() {
        var portal = new PortalProperties("203.0.113.10", null);

        assertThat(DnsRecords.forReminderHost(null, portal)).isEmpty();
        assertThat(DnsRecords.forReminderHost("  ", portal)).isEmpty();
        assertThat(DnsRecords.forReminderHost("pay", portal)).isEmpty();
        assertThat(DnsRecords.forReminderHost("https://pay.example.net/", portal))
                .isEmpty();
    }
}
