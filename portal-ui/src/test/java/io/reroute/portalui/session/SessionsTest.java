package io.reroute.portalui.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SessionsTest {

    @Test
    void aSessionOpensUnderANewHttpSessionIdAndServesOnlyItsOwnHost() {
        var request = onHost("pay.isp-a.example");
        String planted = request.getSession(true).getId();

        Sessions.open(request, "pay.isp-a.example", "token-a");

        assertThat(request.getSession().getId()).isNotEqualTo(planted);
        assertThat(Sessions.find(request))
                .hasValueSatisfying(session -> assertThat(session.token()).isEqualTo("token-a"));
        // Another workspace's host never sees it, even when the same browser session reaches it.
        request.setServerName("pay.isp-b.example");
        assertThat(Sessions.find(request)).isEmpty();
    }

    @Test
    void forgettingEndsItAndNoHttpSessionIsCreatedToLookForOne() {
        var request = onHost("pay.isp-a.example");
        Sessions.open(request, "pay.isp-a.example", "token-a");
        Sessions.forget(request);
        assertThat(Sessions.find(request)).isEmpty();

        var fresh = onHost("pay.isp-a.example");
        assertThat(Sessions.find(fresh)).isEmpty();
        assertThat(fresh.getSession(false)).isNull();
    }

    @Test
    void theTokenNeverShowsInLogs() {
        assertThat(new PortalSession("pay.isp-a.example", "secret-token").toString())
                .doesNotContain("secret-token");
    }

    private static MockHttpServletRequest onHost(String host) {
        var request = new MockHttpServletRequest();
        request.setServerName(host);
        return request;
    }
}
