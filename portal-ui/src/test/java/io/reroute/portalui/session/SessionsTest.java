package io.reroute.portalui.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SessionsTest {

    @Test
    void aSessionOpensUnderANewHttpSessionIdAndServesOnlyItsOwnHost() {
        var request = new MockHttpServletRequest();
        String planted = request.getSession(true).getId();

        Sessions.open(request, "pay.isp-a.example", "token-a");

        assertThat(request.getSession().getId()).isNotEqualTo(planted);
        assertThat(Sessions.find(request, "pay.isp-a.example"))
                .hasValueSatisfying(session -> assertThat(session.token()).isEqualTo("token-a"));
        // Another workspace's host never sees it, even when the same browser session reaches it.
        assertThat(Sessions.find(request, "pay.isp-b.example")).isEmpty();
    }

    @Test
    void forgettingEndsItAndNoHttpSessionIsCreatedToLookForOne() {
        var request = new MockHttpServletRequest();
        Sessions.open(request, "pay.isp-a.example", "token-a");
        Sessions.forget(request);
        assertThat(Sessions.find(request, "pay.isp-a.example")).isEmpty();

        var fresh = new MockHttpServletRequest();
        assertThat(Sessions.find(fresh, "pay.isp-a.example")).isEmpty();
        assertThat(fresh.getSession(false)).isNull();
    }

    @Test
    void theTokenNeverShowsInLogs() {
        assertThat(new PortalSession("pay.isp-a.example", "secret-token").toString())
                .doesNotContain("secret-token");
    }
}
