package io.reroute.landingpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LandingPageTest {

    private static final LandingContent.Branding BRANDING = new LandingContent.Branding(
            "https://isp.example/logo.png",
            "#FFCC00",
            "#0b3d91",
            "Example ISP",
            "Your service is restricted.\nPay now and it is back in seconds.",
            "Pay now",
            "Questions? Call 0800 123 456");

    @Test
    void appliesTheWorkspaceColours() {
        var page = new LandingPage(content(BRANDING, "https://portal.example/pay/abc"));

        Component header = byClass(page, "landing-header").orElseThrow();
        assertThat(header.getElement().getStyle().get("background")).isEqualTo("#ffcc00");
        Component title = byClass(page, "landing-title").orElseThrow();
        assertThat(title.getElement().getStyle().get("color")).isEqualTo("#0b3d91");
        Anchor pay = (Anchor) byClass(page, "landing-pay").orElseThrow();
        assertThat(pay.getElement().getStyle().get("background")).isEqualTo("#ffcc00");
        // Yellow is light: the button text must be dark to stay legible.
        assertThat(pay.getElement().getStyle().get("color")).isEqualTo(Colors.DARK_TEXT);
        assertThat(pay.getHref()).isEqualTo("https://portal.example/pay/abc");
        assertThat(pay.getText()).isEqualTo("Pay now");
    }

    @Test
    void showsWhatTheSubscriberOwes() {
        var page = new LandingPage(content(BRANDING, null));

        assertThat(text(page, "landing-title")).isEqualTo("Example ISP");
        assertThat(text(page, "landing-status")).isEqualTo("2 invoices are overdue.");
        assertThat(text(page, "landing-message")).contains("Pay now and it is back in seconds.");
        assertThat(text(page, "landing-amount")).contains("42.50 EUR");
        assertThat(byClass(page, "landing-invoices").orElseThrow().getChildren())
                .hasSize(2);
        assertThat(text(page, "landing-invoices")).contains("Invoice INV-7").contains("due 1 Dec 2026");
        assertThat(text(page, "landing-note")).isEqualTo("Questions? Call 0800 123 456");
    }

    @Test
    void aPreviewButtonLeadsNowhere() {
        Anchor pay = (Anchor)
                byClass(new LandingPage(content(BRANDING, null)), "landing-pay").orElseThrow();

        assertThat(pay.getElement().hasAttribute("href")).isFalse();
        assertThat(pay.getElement().getAttribute("aria-disabled")).isEqualTo("true");
    }

    @Test
    void anEmptyLogoShowsNoImage() {
        var branding = new LandingContent.Branding("", "#1f6feb", "#0b3d91", "ISP", "msg", "Pay", null);

        var page = new LandingPage(content(branding, null));

        assertThat(all(page).filter(Image.class::isInstance)).isEmpty();
        assertThat(byClass(page, "landing-note")).isEmpty();
    }

    @Test
    void aLogoThatIsNotHttpsIsNotRendered() {
        var branding =
                new LandingContent.Branding("javascript:alert(1)", "#1f6feb", "#0b3d91", "ISP", "msg", "Pay", null);

        assertThat(all(new LandingPage(content(branding, null))).filter(Image.class::isInstance))
                .isEmpty();
        assertThat(LandingPage.safeLogo("http://isp.example/logo.png")).isNull();
        assertThat(LandingPage.safeLogo(" https://isp.example/logo.png ")).isEqualTo("https://isp.example/logo.png");
    }

    @Test
    void aLogoIsShownWithAnAlternativeText() {
        Image logo = (Image) byClass(new LandingPage(content(BRANDING, null)), "landing-logo")
                .orElseThrow();

        assertThat(logo.getSrc()).isEqualTo("https://isp.example/logo.png");
        assertThat(logo.getAlt()).contains("Example ISP logo");
    }

    @Test
    void halfTypedColoursFallBackToTheDefaults() {
        var branding = new LandingContent.Branding(null, "#12", "red;background:url(x)", "ISP", "msg", "Pay", null);

        var page = new LandingPage(content(branding, null));

        assertThat(byClass(page, "landing-header")
                        .orElseThrow()
                        .getElement()
                        .getStyle()
                        .get("background"))
                .isEqualTo(Colors.DEFAULT_PRIMARY);
        assertThat(byClass(page, "landing-title")
                        .orElseThrow()
                        .getElement()
                        .getStyle()
                        .get("color"))
                .isEqualTo(Colors.DEFAULT_ACCENT);
    }

    @Test
    void markupInTextIsShownAsText() {
        var branding = new LandingContent.Branding(
                null, "#1f6feb", "#0b3d91", "<b>ISP</b>", "<script>x</script>", "Pay", null);

        var page = new LandingPage(content(branding, null));

        assertThat(text(page, "landing-title")).isEqualTo("<b>ISP</b>");
        assertThat(byClass(page, "landing-title").orElseThrow().getChildren()).isEmpty();
    }

    @Test
    void optionalPartsAreLeftOut() {
        var page = new LandingPage(new LandingContent(BRANDING, null, null, "EUR", null, null));

        assertThat(byClass(page, "landing-status")).isEmpty();
        assertThat(byClass(page, "landing-amount")).isEmpty();
        assertThat(byClass(page, "landing-invoices")).isEmpty();
        assertThat(byClass(page, "landing-pay")).isPresent();
    }

    @Test
    void newContentReplacesTheOld() {
        var page = new LandingPage(content(BRANDING, null));
        var typed = new LandingContent.Branding(null, "#000000", "#00aa00", "New title", "msg", "Top up", null);

        page.setContent(content(typed, null));

        assertThat(text(page, "landing-title")).isEqualTo("New title");
        assertThat(all(page).filter(c -> c.hasClassName("landing-title"))).hasSize(1);
        assertThat(text(page, "landing-pay")).isEqualTo("Top up");
        assertThat(page.getElement().getAttribute("data-primary-color")).isEqualTo("#000000");
        assertThat(page.getContent().branding()).isEqualTo(typed);
    }

    @Test
    void contentNeedsBranding() {
        assertThatThrownBy(() -> new LandingContent(null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsShowCents() {
        assertThat(LandingPage.money(new BigDecimal("42.5"), "EUR")).isEqualTo("42.50 EUR");
        assertThat(LandingPage.money(new BigDecimal("7"), null)).isEqualTo("7.00");
        assertThat(LandingPage.money(new BigDecimal("0.125"), "USD")).isEqualTo("0.125 USD");
    }

    @Test
    void textContrastsWithItsBackground() {
        assertThat(Colors.textOn("#1f6feb")).isEqualTo(Colors.LIGHT_TEXT);
        assertThat(Colors.textOn("#000000")).isEqualTo(Colors.LIGHT_TEXT);
        assertThat(Colors.textOn("#ffffff")).isEqualTo(Colors.DARK_TEXT);
        assertThat(Colors.textOn("#ffcc00")).isEqualTo(Colors.DARK_TEXT);
        assertThat(Colors.orDefault(" #ABCDEF ", "#000000")).isEqualTo("#abcdef");
        assertThat(Colors.orDefault(null, "#000000")).isEqualTo("#000000");
    }

    private static LandingContent content(LandingContent.Branding branding, String payUrl) {
        return new LandingContent(
                branding,
                "2 invoices are overdue.",
                new BigDecimal("42.5"),
                "EUR",
                List.of(
                        new LandingContent.Invoice("INV-7", LocalDate.of(2026, 12, 1), new BigDecimal("20.00")),
                        new LandingContent.Invoice("INV-8", LocalDate.of(2026, 12, 15), new BigDecimal("22.50"))),
                payUrl);
    }

    private static Optional<Component> byClass(Component root, String className) {
        return all(root).filter(c -> c.hasClassName(className)).findFirst();
    }

    private static String text(Component root, String className) {
        return byClass(root, className).orElseThrow().getElement().getTextRecursively();
    }

    private static Stream<Component> all(Component root) {
        List<Component> found = new ArrayList<>();
        collect(root, found);
        return found.stream();
    }

    private static void collect(Component component, List<Component> found) {
        found.add(component);
        component.getChildren().forEach(child -> collect(child, found));
    }
}
