package io.reroute.platform.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.platform.session.internal.AccountingEntry.InvalidEntry;
import io.reroute.platform.session.internal.AccountingEntry.NasRestarted;
import io.reroute.platform.session.internal.AccountingEntry.SessionUpdate;
import io.reroute.platform.support.AccountingFixtures;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountingEntryTest {

    private static final String WS = UUID.randomUUID().toString();
    private static final String NAS = UUID.randomUUID().toString();
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void parsesASessionAsTheGatewayWritesIt() {
        var entry = (SessionUpdate) AccountingEntry.parse(AccountingFixtures.session(
                WS, NAS, "81a0", null, T0, T0.plusSeconds(90), 5_000_000_000L, 7, T0.plusSeconds(90)));

        assertThat(entry.workspace()).isEqualTo(WorkspaceId.parse(WS));
        assertThat(entry.subscriberId()).isNull();
        assertThat(entry.inputOctets()).isEqualTo(5_000_000_000L);
        assertThat(entry.sessionSeconds()).isEqualTo(90);
        assertThat(entry.stoppedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(entry.terminateCause()).isEqualTo("User-Request");
    }

    @Test
    void aRestartWithoutACauseIsAReboot() {
        var entry = (NasRestarted) AccountingEntry.parse(AccountingFixtures.nasRestarted(WS, NAS, T0));
        assertThat(entry.cause()).isEqualTo("NAS-Reboot");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "framedIpv4|999.1.1.1",
                "framedIpv4|1.2.3",
                "framedIpv4|localhost",
                "framedIpv4|١.2.3.4",
                "input|-1",
                "input|12x",
                "at|0",
                "startedAt|99999999999999999",
                "workspace|not-a-uuid",
                "nas|",
                "session|",
                "username|bad\u0000name",
                "type|other"
            })
    void rejectsMalformedFields(String field, String value) {
        var fields = new HashMap<>(AccountingFixtures.session(WS, NAS, "s", null, T0, T0, 0, 0, null));
        fields.put(field, value == null ? "" : value);

        assertThatThrownBy(() -> AccountingEntry.parse(fields)).isInstanceOf(InvalidEntry.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"outcome|MAYBE", "action|TELNET", "change|", "attempts|1000", "id|x"})
    void rejectsMalformedEnforcementReports(String field, String value) {
        var fields = new HashMap<>(
                AccountingFixtures.enforcement(WS, UUID.randomUUID().toString(), NAS, "s", "COA", "NAK", "503", T0));
        assertThat(AccountingEntry.parse(fields)).isInstanceOf(AccountingEntry.EnforcementReport.class);
        fields.put(field, value == null ? "" : value);

        assertThatThrownBy(() -> AccountingEntry.parse(fields)).isInstanceOf(InvalidEntry.class);
    }

    @Test
    void readsEveryUpdateOfASessionsEntryInOrder() {
        var entries = AccountingEntry.read(AccountingFixtures.sessionBatch(
                AccountingFixtures.session(WS, NAS, "a", null, T0, T0.plusSeconds(60), 1, 2, null),
                AccountingFixtures.session(WS, NAS, "b", null, T0, T0.plusSeconds(90), 3, 4, T0.plusSeconds(90))));

        assertThat(entries).map(e -> ((SessionUpdate) e).sessionId()).containsExactly("a", "b");
        assertThat(((SessionUpdate) entries.get(1)).stoppedAt()).isEqualTo(T0.plusSeconds(90));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'{\"session\":1}'",
                "'{\"session\":null}'",
                "'[]'",
                "'{\"session\":\"s\"'",
                "'not json'",
            })
    void aSessionsEntryWithOneBadUpdateIsRejectedWhole(String bad) {
        String good = AccountingFixtures.sessionBatch(
                        AccountingFixtures.session(WS, NAS, "a", null, T0, T0.plusSeconds(60), 1, 2, null))
                .get("updates");

        assertThatThrownBy(() -> AccountingEntry.read(Map.of("type", "sessions", "updates", good + "\n" + bad)))
                .isInstanceOf(InvalidEntry.class);
    }

    @Test
    void aSessionsEntryCarriesAtMostAThousandUpdates() {
        String line = AccountingFixtures.sessionBatch(
                        AccountingFixtures.session(WS, NAS, "a", null, T0, T0.plusSeconds(60), 1, 2, null))
                .get("updates");
        String updates = String.join("\n", java.util.Collections.nCopies(AccountingEntry.MAX_SESSIONS_PER_ENTRY, line));

        assertThat(AccountingEntry.read(Map.of("type", "sessions", "updates", updates)))
                .hasSize(AccountingEntry.MAX_SESSIONS_PER_ENTRY);
        assertThatThrownBy(() -> AccountingEntry.read(Map.of("type", "sessions", "updates", updates + "\n" + line)))
                .isInstanceOf(InvalidEntry.class);
    }

    @Test
    void foldsUpdatesOfOneSessionInABatchButKeepsAReusedIdApart() {
        Map<String, String> first =
                AccountingFixtures.session(WS, NAS, "s", null, T0, T0.plusSeconds(300), 10, 20, null);
        Map<String, String> later =
                AccountingFixtures.session(WS, NAS, "s", null, T0.plusSeconds(1), T0.plusSeconds(600), 30, 15, null);
        Map<String, String> reused =
                AccountingFixtures.session(WS, NAS, "s", null, T0.plusSeconds(3600), T0.plusSeconds(3600), 0, 0, null);

        var merged = SessionRepository.merge(java.util.List.of(
                (SessionUpdate) AccountingEntry.parse(later),
                (SessionUpdate) AccountingEntry.parse(first),
                (SessionUpdate) AccountingEntry.parse(reused)));

        assertThat(merged).hasSize(2);
        SessionUpdate session = merged.getFirst();
        assertThat(session.startedAt()).isEqualTo(T0);
        assertThat(session.at()).isEqualTo(T0.plusSeconds(600));
        assertThat(session.inputOctets()).isEqualTo(30);
        assertThat(session.outputOctets()).isEqualTo(20);
        assertThat(merged.get(1).startedAt()).isEqualTo(T0.plusSeconds(3600));
    }
}
