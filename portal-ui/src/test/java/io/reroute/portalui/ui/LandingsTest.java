package io.reroute.portalui.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.reroute.landingpage.LandingContent;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brand;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandingsTest {

    private static LandingContent.Branding branding(String title) {
        return new LandingContent.Branding(null, "#112233", "#445566", title, "Pay up", "Pay now", "Call 555-0100");
    }

    @Test
    void findsThePartsTheComponentDocuments() {
        var page = new LandingPage(new LandingContent(branding("Alpha"), "Paused.", null, "USD", List.of(), "pay"));
        assertThat(Landings.part(page, "landing-status")).isPresent();
        assertThat(Landings.part(page, "landing-pay")).isPresent();
        assertThat(Landings.part(page, "no-such-part")).isEmpty();

        Landings.removePayButton(page);
        assertThat(Landings.part(page, "landing-pay")).isEmpty();
    }

    @Test
    void portalSectionsGoAboveTheNoteAndRightAfterAPart() {
        var page = new LandingPage(new LandingContent(branding("Alpha"), "Paused.", null, "USD", List.of(), "pay"));
        var first = new Span("first");
        var second = new Span("second");
        Landings.addAboveNote(page, first, second);
        var since = new Span("since");
        Landings.addAfter(Landings.part(page, "landing-status").orElseThrow(), since);

        var body = (Div) Landings.part(page, "landing-body").orElseThrow();
        List<Component> children = body.getChildren().toList();
        int status = children.indexOf(Landings.part(page, "landing-status").orElseThrow());
        int note = children.indexOf(Landings.part(page, "landing-note").orElseThrow());
        assertThat(children.indexOf(since)).isEqualTo(status + 1);
        assertThat(children.indexOf(first)).isEqualTo(note - 2);
        assertThat(children.indexOf(second)).isEqualTo(note - 1);
        assertThat(note).isEqualTo(children.size() - 1);
    }

    @Test
    void theProviderIsNamedUnlessTheTitleSaysIt() {
        assertThat(Landings.providerName(new Brand("Alpha Net", "USD", branding("Alpha Net payments"))))
                .isEmpty();
        assertThat(Landings.providerName(new Brand("Alpha Net", "USD", branding("Pay your bill"))))
                .hasValueSatisfying(caption -> assertThat(caption.getText()).isEqualTo("Alpha Net"));
    }
}
