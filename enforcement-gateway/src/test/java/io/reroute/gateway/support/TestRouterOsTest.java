package io.reroute.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TestRouterOs} driven by the RouterOS client the gateway uses, mikrotik-java. */
class TestRouterOsTest {

    private static final String LIST = "/ip/firewall/address-list";
    private static final String FILTER = "/ip/firewall/filter";

    private TestRouterOs router;
    private ApiConnection api;

    @BeforeEach
    void start() throws Exception {
        router = TestRouterOs.start("gateway", "s3cret pass");
        api = connect();
        api.login("gateway", "s3cret pass");
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        router.close();
    }

    @Test
    void loginChecksTheCredentialsAndNothingRunsBeforeIt() throws Exception {
        try (var other = connect()) {
            assertThatThrownBy(() -> other.execute("/system/identity/print"))
                    .isInstanceOf(MikrotikApiException.class)
                    .hasMessage("not logged in");
            assertThatThrownBy(() -> other.login("gateway", "wrong"))
                    .isInstanceOf(MikrotikApiException.class)
                    .hasMessage("invalid user name or password (6)");

            other.login("gateway", "s3cret pass");
            router.identity("edge-1");

            assertThat(rows(other, "/system/identity/print")).containsExactly(Map.of("name", "edge-1"));
            assertThat(other.execute("/system/resource/print").getFirst())
                    .containsEntry("version", "7.16.2 (stable)")
                    .containsEntry("board-name", "CHR");
        }
    }

    @Test
    void addReturnsTheIdAndPrintFiltersAndSelects() throws Exception {
        var added = api.execute(LIST + "/add list=x address=10.0.0.1 comment=\"reroute:sub:1\"");
        api.execute(LIST + "/add list=x address=10.0.0.2 comment=\"a b\"");

        assertThat(rows(added)).containsExactly(Map.of("ret", "*1"));
        assertThat(rows(api, LIST + "/print where comment=\"reroute:sub:1\" return .id,address"))
                .containsExactly(Map.of(".id", "*1", "address", "10.0.0.1"));
        assertThat(api.execute(LIST + "/print where address=10.0.0.2 or not list=x"))
                .extracting(row -> row.get("comment"))
                .containsExactly("a b");
        assertThat(router.items(LIST).getFirst())
                .containsExactly(
                        Map.entry(".id", "*1"),
                        Map.entry("list", "x"),
                        Map.entry("address", "10.0.0.1"),
                        Map.entry("comment", "reroute:sub:1"));
        assertThat(router.commands())
                .containsExactly("/login", LIST + "/add", LIST + "/add", LIST + "/print", LIST + "/print");
    }

    @Test
    void setChangesPropertiesOfAKnownItemOnly() throws Exception {
        String id = router.seed(FILTER, Map.of("chain", "forward", "disabled", "true"));

        api.execute(FILTER + "/set .id=" + id + " disabled=no");

        assertThat(router.items(FILTER).getFirst()).containsEntry("disabled", "no");
        assertThatThrownBy(() -> api.execute(FILTER + "/set .id=*99 disabled=no"))
                .isInstanceOf(MikrotikApiException.class)
                .hasMessage("no such item");
    }

    @Test
    void removeTakesCommaSeparatedIdsButNotDynamicEntries() throws Exception {
        String first = router.seed(LIST, Map.of("list", "x", "address", "10.0.0.1"));
        String second = router.seed(LIST, Map.of("list", "x", "address", "10.0.0.2"));
        String radius = router.seed(LIST, Map.of("list", "x", "address", "10.0.0.3", "dynamic", "true"));

        api.execute(LIST + "/remove numbers=" + first + "," + second);

        assertThatThrownBy(() -> api.execute(LIST + "/remove .id=" + radius))
                .isInstanceOf(MikrotikApiException.class)
                .hasMessage("cannot remove dynamic entry");
        assertThat(ids(LIST)).containsExactly(radius);
    }

    @Test
    void moveAndPlaceBeforeOrderTheRules() throws Exception {
        String a = router.seed(FILTER, Map.of("comment", "a"));
        String b = router.seed(FILTER, Map.of("comment", "b"));
        String c = router.seed(FILTER, Map.of("comment", "c"));

        api.execute(FILTER + "/move numbers=" + c + " destination=" + a);
        assertThat(ids(FILTER)).containsExactly(c, a, b);

        api.execute(FILTER + "/move numbers=" + c);
        assertThat(ids(FILTER)).containsExactly(a, b, c);

        String d = api.execute(FILTER + "/add chain=forward place-before=" + b)
                .getFirst()
                .get("ret");
        assertThat(ids(FILTER)).containsExactly(a, d, b, c);
        assertThatThrownBy(() -> api.execute(FILTER + "/add chain=forward place-before=*99"))
                .isInstanceOf(MikrotikApiException.class)
                .hasMessage("no such item");
    }

    @Test
    void unknownCommandsAreTrapped() {
        assertThatThrownBy(() -> api.execute("/ip/firewal/address-list/print"))
                .isInstanceOf(MikrotikApiException.class)
                .hasMessage("no such command prefix");
        assertThatThrownBy(() -> api.execute(LIST + "/reboot"))
                .isInstanceOf(MikrotikApiException.class)
                .hasMessage("no such command");
    }

    @Test
    void offlineCutsSessionsAndRefusesNewOnesUntilBackOnline() throws Exception {
        await().until(() -> router.openConnections() == 1);

        router.offline(true);

        await().until(() -> router.openConnections() == 0);
        try (var refused = connect()) {
            refused.setTimeout(300);
            assertThatThrownBy(() -> refused.login("gateway", "s3cret pass")).isInstanceOf(MikrotikApiException.class);
        }

        router.offline(false);
        try (var again = connect()) {
            again.login("gateway", "s3cret pass");
            assertThat(router.connectionsAccepted()).isEqualTo(3);
        }
    }

    @Test
    void longValuesCrossEveryLengthEncoding() throws Exception {
        // 2 and 3 length bytes each way; mikrotik-java sends the longest with 4, which is legal too.
        for (int length : new int[] {200, 20_000, 300_000}) {
            String comment = "c".repeat(length);
            String id =
                    api.execute(FILTER + "/add comment=" + comment).getFirst().get("ret");

            assertThat(api.execute(FILTER + "/print where .id=" + id).getFirst().get("comment"))
                    .isEqualTo(comment);
        }
    }

    @Test
    void malformedInputClosesOnlyThatConnection() throws Exception {
        try (var raw = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
            raw.getOutputStream().write(new byte[] {(byte) 0xF8, 1, 2, 3, 4});
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }
        try (var raw = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
            raw.getOutputStream().write(new byte[] {6, '/', 'l', 'o'});
            raw.shutdownOutput();
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }

        assertThat(rows(api, "/system/identity/print")).containsExactly(Map.of("name", "MikroTik"));
    }

    /** mikrotik-java's rows are maps without equals(): compare copies. */
    private static List<Map<String, String>> rows(ApiConnection connection, String command)
            throws MikrotikApiException {
        return rows(connection.execute(command));
    }

    private static List<Map<String, String>> rows(List<Map<String, String>> rows) {
        return rows.stream().map(Map::copyOf).toList();
    }

    private List<String> ids(String path) {
        return router.items(path).stream().map(item -> item.get(".id")).toList();
    }

    private ApiConnection connect() throws MikrotikApiException {
        return ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", router.port(), 2000);
    }
}
