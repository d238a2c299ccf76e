package io.reroute.gateway.radius.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.dictionary.parser.ResourceParser;
import org.tinyradius.core.dictionary.parser.resolver.ClasspathResourceResolver;

/** tinyradius's RFC dictionary with the MikroTik attributes (vendor 14988) loaded as a block of their own. */
final class RadiusDictionary {

    static final int MIKROTIK = 14988;

    private static final Dictionary INSTANCE = load();

    private RadiusDictionary() {}

    static Dictionary get() {
        return INSTANCE;
    }

    private static Dictionary load() {
        try {
            var dictionary = DictionaryParser.newClasspathParser()
                    .parseDictionary("org/tinyradius/core/dictionary/default_dictionary");
            return new ResourceParser(dictionary, ClasspathResourceResolver.INSTANCE)
                    .parseDictionary("io/reroute/gateway/radius/dictionary.mikrotik");
        } catch (IOException e) {
            throw new UncheckedIOException("the RADIUS dictionary does not load", e);
        }
    }
}
