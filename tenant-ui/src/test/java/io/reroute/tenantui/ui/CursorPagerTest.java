package io.reroute.tenantui.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CursorPagerTest {

    /** An API over the numbers 0..size-1 whose cursor is the last number of the page before. */
    private static final class NumbersApi implements CursorPager.Source<Integer> {

        final int size;
        final List<String> calls = new ArrayList<>();

        NumbersApi(int size) {
            this.size = size;
        }

        @Override
        public CursorPager.Page<Integer> fetch(String cursor, int limit) {
            calls.add(cursor);
            int from = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
            int to = Math.min(size, from + limit);
            List<Integer> items = IntStream.range(from, to).boxed().toList();
            return new CursorPager.Page<>(items, to < size ? String.valueOf(to - 1) : null);
        }
    }

    @Test
    void servesTheFirstPage() {
        var api = new NumbersApi(25);
        var pager = new CursorPager<>(10, api);

        assertThat(pager.fetch(0, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(api.calls).containsExactly((String) null);
    }

    @Test
    void reachesAFarPageThroughThePagesBeforeIt() {
        var api = new NumbersApi(100);
        var pager = new CursorPager<>(10, api);

        assertThat(pager.fetch(35, 10)).containsExactly(35, 36, 37, 38, 39, 40, 41, 42, 43, 44);
        assertThat(api.calls).containsExactly(null, "9", "19", "29", "39");
    }

    @Test
    void remembersCursorsAndRecentPages() {
        var api = new NumbersApi(100);
        var pager = new CursorPager<>(10, api);
        pager.fetch(0, 30);
        api.calls.clear();

        assertThat(pager.fetch(5, 20)).hasSize(20).first().isEqualTo(5);
        assertThat(api.calls).isEmpty();
        assertThat(pager.fetch(30, 10)).first().isEqualTo(30);
        assertThat(api.calls).containsExactly("29");
    }

    @Test
    void stopsAtTheEnd() {
        var api = new NumbersApi(23);
        var pager = new CursorPager<>(10, api);

        assertThat(pager.fetch(15, 50)).containsExactly(15, 16, 17, 18, 19, 20, 21, 22);
        api.calls.clear();
        assertThat(pager.fetch(40, 10)).isEmpty();
        assertThat(api.calls).isEmpty();
    }

    @Test
    void anExactMultipleEndsWithAnEmptyOrCursorlessPage() {
        var api = new NumbersApi(20);
        var pager = new CursorPager<>(10, api);

        assertThat(pager.fetch(0, 40)).hasSize(20);
        assertThat(pager.fetch(20, 10)).isEmpty();
    }

    @Test
    void anEmptyList() {
        var pager = new CursorPager<>(10, new NumbersApi(0));

        assertThat(pager.fetch(0, 50)).isEmpty();
    }

    @Test
    void resetStartsOver() {
        var api = new NumbersApi(30);
        var pager = new CursorPager<>(10, api);
        pager.fetch(0, 30);
        pager.reset();
        api.calls.clear();

        assertThat(pager.fetch(10, 10)).first().isEqualTo(10);
        assertThat(api.calls).containsExactly(null, "9");
    }
}
