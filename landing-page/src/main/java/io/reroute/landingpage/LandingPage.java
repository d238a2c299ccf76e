package io.reroute.landingpage;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The branded page a restricted subscriber lands on: why they are here, what they owe and a button
 * to pay. The subscriber portal renders exactly this component, and the admin UI's branding preview
 * too, so staff see the page as subscribers will.
 *
 * <p>Mobile first (one column, at most 28rem wide), plain HTML elements styled inline with Lumo's
 * properties, so it needs no theme of its own. Parts are found by class name: {@code landing-logo},
 * {@code landing-title}, {@code landing-status}, {@code landing-message}, {@code landing-amount},
 * {@code landing-invoices}, {@code landing-pay}, {@code landing-note}.
 */
public class LandingPage extends Div {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private LandingContent content;

    public LandingPage(LandingContent content) {
        addClassName("landing-page");
        getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("max-width", "28rem")
                .set("margin", "0 auto")
                .set("overflow", "hidden")
                .set("background", "var(--lumo-base-color, #fff)")
                .set("color", "var(--lumo-body-text-color)")
                .set("font-family", "var(--lumo-font-family)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("box-shadow", "var(--lumo-box-shadow-s)");
        setContent(content);
    }

    public LandingContent getContent() {
        return content;
    }

    /** Shows other content, such as the branding a staff member is typing. */
    public void setContent(LandingContent content) {
        if (content == null) {
            throw new IllegalArgumentException("content is required");
        }
        this.content = content;
        removeAll();
        var branding = content.branding();
        String primary = Colors.orDefault(branding.primaryColor(), Colors.DEFAULT_PRIMARY);
        String accent = Colors.orDefault(branding.accentColor(), Colors.DEFAULT_ACCENT);
        String onPrimary = Colors.textOn(primary);
        getElement().setAttribute("data-primary-color", primary);
        getElement().setAttribute("data-accent-color", accent);

        add(header(branding, primary));

        var body = new Div();
        body.addClassName("landing-body");
        body.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-l) var(--lumo-space-m)");
        add(body);

        var title = new H1(text(branding.title()));
        title.addClassName("landing-title");
        title.getStyle()
                .set("margin", "0")
                .set("color", accent)
                .set("font-size", "var(--lumo-font-size-xxl)")
                .set("line-height", "var(--lumo-line-height-xs)");
        body.add(title);

        if (present(content.statusLine())) {
            var status = new Paragraph(content.statusLine().strip());
            status.addClassName("landing-status");
            status.getStyle().set("margin", "0").set("font-weight", "600");
            body.add(status);
        }

        if (present(branding.message())) {
            var message = new Paragraph(branding.message().strip());
            message.addClassName("landing-message");
            // Staff write the message in a text area: keep their line breaks, never their markup.
            message.getStyle().set("margin", "0").set("white-space", "pre-line");
            body.add(message);
        }

        if (content.amountDue() != null) {
            body.add(amount(content.amountDue(), content.currency(), accent));
        }

        if (!content.invoices().isEmpty()) {
            body.add(invoices(content));
        }

        body.add(payButton(content, branding, primary, onPrimary));

        if (present(branding.note())) {
            var note = new Paragraph(branding.note().strip());
            note.addClassName("landing-note");
            note.getStyle()
                    .set("margin", "0")
                    .set("white-space", "pre-line")
                    .set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            body.add(note);
        }
    }

    private static Div header(LandingContent.Branding branding, String primary) {
        var header = new Div();
        header.addClassName("landing-header");
        header.getStyle()
                .set("background", primary)
                .set("display", "flex")
                .set("align-items", "center")
                .set("min-height", "0.5rem");
        String logo = safeLogo(branding.logoUrl());
        if (logo != null) {
            var image =
                    new Image(logo, present(branding.title()) ? branding.title().strip() + " logo" : "Logo");
            image.addClassName("landing-logo");
            image.getStyle()
                    .set("display", "block")
                    .set("max-height", "3rem")
                    .set("max-width", "60%")
                    .set("object-fit", "contain");
            header.getStyle().set("padding", "var(--lumo-space-m)");
            header.add(image);
        }
        return header;
    }

    private static Div amount(BigDecimal amountDue, String currency, String accent) {
        var label = new Span("Amount due");
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        var value = new Span(money(amountDue, currency));
        value.addClassName("landing-amount-value");
        value.getStyle()
                .set("font-size", "var(--lumo-font-size-xxxl)")
                .set("font-weight", "700")
                .set("color", accent);
        var amount = new Div(label, value);
        amount.addClassName("landing-amount");
        amount.getStyle().set("display", "flex").set("flex-direction", "column");
        return amount;
    }

    private static UnorderedList invoices(LandingContent content) {
        var list = new UnorderedList();
        list.addClassName("landing-invoices");
        list.getStyle()
                .set("margin", "0")
                .set("padding", "0")
                .set("list-style", "none")
                .set("font-size", "var(--lumo-font-size-s)");
        for (var invoice : content.invoices()) {
            var what = new Span(invoice.number() == null ? "Invoice" : "Invoice " + invoice.number());
            var due = new Span(invoice.dueDate() == null ? "" : "due " + DUE.format(invoice.dueDate()));
            due.getStyle().set("color", "var(--lumo-secondary-text-color)");
            var left = new Div(what, due);
            left.getStyle().set("display", "flex").set("flex-direction", "column");
            var amount = new Span(money(invoice.amount(), content.currency()));
            amount.getStyle().set("font-weight", "600").set("white-space", "nowrap");
            var item = new ListItem(left, amount);
            item.addClassName("landing-invoice");
            item.getStyle()
                    .set("display", "flex")
                    .set("justify-content", "space-between")
                    .set("align-items", "center")
                    .set("gap", "var(--lumo-space-s)")
                    .set("padding", "var(--lumo-space-xs) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            list.add(item);
        }
        return list;
    }

    private static Anchor payButton(
            LandingContent content, LandingContent.Branding branding, String primary, String onPrimary) {
        var pay = new Anchor();
        pay.setText(present(branding.buttonLabel()) ? branding.buttonLabel().strip() : "Pay now");
        pay.addClassName("landing-pay");
        if (present(content.payUrl())) {
            pay.setHref(content.payUrl());
        } else {
            // A preview: looks the same, leads nowhere.
            pay.removeHref();
            pay.getElement().setAttribute("aria-disabled", "true");
        }
        pay.getStyle()
                .set("display", "block")
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", primary)
                .set("color", onPrimary)
                .set("text-align", "center")
                .set("text-decoration", "none")
                .set("font-weight", "600")
                .set("font-size", "var(--lumo-font-size-l)")
                .set("cursor", present(content.payUrl()) ? "pointer" : "default");
        return pay;
    }

    /** Only absolute https:// URLs become an image source, as the platform requires for logos. */
    static String safeLogo(String url) {
        if (!present(url)) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String value = amount.setScale(Math.max(2, amount.scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
        return present(currency) ? value + " " + currency.strip() : value;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
