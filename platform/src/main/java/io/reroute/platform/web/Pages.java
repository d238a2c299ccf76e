package io.reroute.platform.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Limits shared by the list endpoints. */
public final class Pages {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Pages() {}

    /**
     * Builds a page from rows fetched with a limit of {@code size + 1}: the extra row only tells that
     * another page follows, whose cursor is then the last row shown.
     */
    public static <T, C, P> P page(List<T> fetched, int size, Function<T, C> cursor, BiFunction<List<T>, C, P> page) {
        return fetched.size() > size
                ? page.apply(fetched.subList(0, size), cursor.apply(fetched.get(size - 1)))
                : page.apply(fetched, null);
    }

    /** Clamps a requested page size, rejecting nonsense rather than silently fixing it. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
