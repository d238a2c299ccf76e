package io.reroute.platform.notification.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.reroute.platform.notification.NotificationKind;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in SMS wording, from the same variables as mail templates (see
 * {@link io.reroute.platform.notification.MailTemplates#VARIABLES}). Fixed and short: one SMS is
 * 160 characters, and the signed link follows the text.
 */
final class SmsTexts {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .nullValue("")
            .emptyStringIsFalse(true)
            .strictSections(true);

    private static final Map<NotificationKind, Template> TEXTS = Map.of(
            NotificationKind.USAGE_ALERT,
            COMPILER.compile("{{ispName}}: "
                    + "{{#capped}}you have used all your data ({{dataUsed}}). Service is limited until"
                    + " {{cycleResets}}.{{/capped}}"
                    + "{{^capped}}you have used {{usagePercent}}% of your data ({{dataUsed}}"
                    + "{{#dataRemaining}}, {{dataRemaining}} left{{/dataRemaining}}). It resets on {{cycleResets}}."
                    + "{{/capped}}"
                    + "{{#payLink}} Top up:{{/payLink}}"));

    private SmsTexts() {}

    /** The text before the link, for the kinds that are sent by SMS. */
    static Optional<String> render(NotificationKind kind, Map<String, ?> variables) {
        return Optional.ofNullable(TEXTS.get(kind))
                .map(text -> text.execute(variables).replaceAll("\\s+", " ").strip());
    }
}
