package io.reroute.portalui.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkRejectionTest {

    @Test
    void eachReasonHasItsHeadline() {
        assertThat(LinkRejection.of("EXPIRED").headline()).isEqualTo("This link has expired");
        for (String invalid : new String[] {"BAD_SIGNATURE", "MALFORMED", "UNKNOWN_KEY", "RETIRED_KEY"}) {
            assertThat(LinkRejection.of(invalid).headline()).as(invalid).isEqualTo("This link is not valid");
        }
        assertThat(LinkRejection.of("FOREIGN_HOST").headline())
                .isEqualTo("This link belongs to another provider's page");
        assertThat(LinkRejection.of("UNKNOWN_HOST").headline())
                .isEqualTo("This link belongs to another provider's page");
        assertThat(LinkRejection.of("SUBSCRIBER_MISMATCH").headline())
                .isEqualTo("This link no longer matches an account");
    }

    @Test
    void unknownReasonsReadAsInvalid() {
        assertThat(LinkRejection.of("WRONG_PURPOSE").headline()).isEqualTo("This link is not valid");
        assertThat(LinkRejection.of("SOMETHING_NEW").headline()).isEqualTo("This link is not valid");
        assertThat(LinkRejection.of(null).headline()).isEqualTo("This link is not valid");
    }

    @Test
    void explanationsSayWhatToDo() {
        for (String reason : new String[] {"EXPIRED", "MALFORMED", "FOREIGN_HOST", "SUBSCRIBER_MISMATCH"}) {
            assertThat(LinkRejection.of(reason).explanation()).as(reason).containsIgnoringCase("new");
        }
    }
}
