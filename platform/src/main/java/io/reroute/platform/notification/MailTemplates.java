package io.reroute.platform.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.reroute.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in wording of each mail and the rendering of a workspace's own. Templates are Mustache
 * over plain text (nothing is HTML-escaped); only the variables below exist, so a typo is caught
 * when the template is saved rather than when a subscriber should have been reminded.
 */
public final class MailTemplates {

    /**
     * Every variable a template may use. {@code payLink} is empty in RESTORED mails and without a
     * reminder host; in USAGE_ALERT mails it leads to a top-up. {@code usagePercent}, {@code dataUsed},
     * {@code dataRemaining} and {@code cycleResets} are set only in USAGE_ALERT mails, and
     * {@code capped} is true only there, when the subscriber is out of data.
     */
    public static final List<String> VARIABLES = List.of(
            "subscriberName",
            "accountNumber",
            "ispName",
            "amountDue",
            "dueDate",
            "payLink",
            "supportNote",
            "usagePercent",
            "dataUsed",
            "dataRemaining",
            "cycleResets",
            "capped");

    // An empty value counts as false, so {{#dataRemaining}}...{{/dataRemaining}} leaves out what is unknown.
    private static final Mustache.Compiler STRICT = Mustache.compiler()
            .escapeHTML(false)
            .nullValue("")
            .emptyStringIsFalse(true)
            .strictSections(true);

    private static final Map<NotificationKind, MailTemplate> DEFAULTS = Map.of(
            NotificationKind.REMINDER,
            new MailTemplate("{{ispName}}: payment reminder for account {{accountNumber}}", """
                    Hello {{subscriberName}},

                    {{amountDue}} is overdue on your account {{accountNumber}} (due {{dueDate}}).
                    Your service is still on. Please pay now to keep it that way:

                    {{payLink}}

                    {{supportNote}}
                    Thank you,
                    {{ispName}}
                    """),
            NotificationKind.BLOCKED,
            new MailTemplate("{{ispName}}: your internet service is paused", """
                    Hello {{subscriberName}},

                    your internet service on account {{accountNumber}} is paused because {{amountDue}} is overdue
                    (due {{dueDate}}). Pay now and it comes back within seconds:

                    {{payLink}}

                    {{supportNote}}
                    {{ispName}}
                    """),
            NotificationKind.RESTORED,
            new MailTemplate("{{ispName}}: your internet service is back", """
                    Hello {{subscriberName}},

                    thank you. Your internet service on account {{accountNumber}} is fully restored.

                    {{ispName}}
                    """),
            NotificationKind.USAGE_ALERT,
            new MailTemplate("{{ispName}}: you have used {{usagePercent}}% of your data", """
                    Hello {{subscriberName}},

                    {{#capped}}
                    you have used all the data of your plan for this cycle ({{dataUsed}}), so your service
                    is limited until your data resets on {{cycleResets}}. A top-up brings it back at once:
                    {{/capped}}
                    {{^capped}}
                    you have used {{usagePercent}}% of your data for this cycle: {{dataUsed}} so far{{#dataRemaining}},
                    {{dataRemaining}} left{{/dataRemaining}}. Your data resets on {{cycleResets}}. If you need more
                    before then, you can buy a top-up:
                    {{/capped}}

                    {{payLink}}

                    {{supportNote}}
                    {{ispName}}
                    """));

    private MailTemplates() {}

    public static MailTemplate defaultFor(NotificationKind kind) {
        return DEFAULTS.get(kind);
    }

    /** Problems with a template: syntax, or a variable that does not exist. Empty when it renders. */
    public static List<FieldError> check(MailTemplate template) {
        var errors = new ArrayList<FieldError>();
        checkOne("subject", template.subject(), errors);
        checkOne("body", template.body(), errors);
        return errors;
    }

    /** Parses a template once, to render many mails with it. */
    public static Compiled compile(MailTemplate template) {
        return new Compiled(STRICT.compile(template.subject()), STRICT.compile(template.body()));
    }

    private static void checkOne(String field, String text, List<FieldError> errors) {
        try {
            Template compiled = STRICT.compile(text);
            // Once with every value set and once with none, so that both {{#x}} and {{^x}} sections are checked.
            compiled.execute(sample(true));
            compiled.execute(sample(false));
        } catch (MustacheException e) {
            errors.add(new FieldError(field, e.getMessage() + "; variables are " + String.join(", ", VARIABLES)));
        }
    }

    private static Map<String, Object> sample(boolean set) {
        var sample = new LinkedHashMap<String, Object>();
        VARIABLES.forEach(v -> sample.put(v, set ? "x" : ""));
        sample.put("capped", set);
        return sample;
    }

    /** A parsed template. */
    public record Compiled(Template subject, Template body) {

        /** The subject (one line) and body of a mail; values are strings, and {@code capped} a boolean. */
        public RenderedMail render(Map<String, ?> variables) {
            return new RenderedMail(
                    subject.execute(variables).replaceAll("[\\r\\n]+", " ").strip(),
                    body.execute(variables).replaceAll("\n{3,}", "\n\n"));
        }
    }

    /** A rendered mail, before addressing. */
    public record RenderedMail(String subject, String body) {}
}
