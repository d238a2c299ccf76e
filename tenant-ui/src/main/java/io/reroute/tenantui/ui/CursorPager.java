package io.reroute.tenantui.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves a lazy Grid's offset/limit requests from an API that pages by cursor ({@code nextAfter} /
 * {@code nextBefore}). The cursor of each page is remembered once seen, so scrolling back is cheap;
 * a page further down than any seen yet is reached by fetching the pages before it in sequence.
 * The last few pages are kept, because a Grid often asks for overlapping ranges.
 */
public final class CursorPager<T> {

    /** One page as the API answered it; {@code next} is null on the last page. */
    public record Page<T>(List<T> items, String next) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    /** Fetches one page: the first when {@code cursor} is null. */
    @FunctionalInterface
    public interface Source<T> {
        Page<T> fetch(String cursor, int limit);
    }

    private static final int PAGES_KEPT = 8;

    private final int pageSize;
    private final Source<T> source;
    /** Cursor to fetch page i with; null for the first page. */
    private final List<String> cursors = new ArrayList<>();

    private final Map<Integer, List<T>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > PAGES_KEPT;
        }
    };
    /** Index of the last page once an answer without a cursor was seen; -1 until then. */
    private int lastPage = -1;

    public CursorPager(int pageSize, Source<T> source) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.pageSize = pageSize;
        this.source = source;
        reset();
    }

    /** Makes the grid load its items lazily through a new pager; call {@link #reset()} and refresh the grid on a filter change. */
    public static <T> CursorPager<T> bind(Grid<T> grid, int pageSize, Source<T> source) {
        var pager = new CursorPager<>(pageSize, source);
        grid.setPageSize(pageSize);
        grid.setItems(query -> pager.fetch(query.getOffset(), query.getLimit()));
        return pager;
    }

    /** Forgets everything seen, for new filters or after a change. */
    public void reset() {
        cursors.clear();
        cursors.add(null);
        kept.clear();
        lastPage = -1;
    }

    /** The items from {@code offset}, at most {@code limit}; fewer only at the end of the list. */
    public Stream<T> fetch(int offset, int limit) {
        List<T> items = new ArrayList<>();
        int end = offset + limit;
        for (int index = offset / pageSize; index * pageSize < end; index++) {
            List<T> page = page(index);
            if (page == null) {
                break;
            }
            int from = Math.max(0, offset - index * pageSize);
            int to = Math.min(page.size(), end - index * pageSize);
            if (from < to) {
                items.addAll(page.subList(from, to));
            }
            if (index == lastPage || page.size() < pageSize) {
                break;
            }
        }
        return items.stream();
    }

    private List<T> page(int index) {
        while (cursors.size() <= index) {
            if (lastPage >= 0) {
                return null;
            }
            load(cursors.size() - 1);
        }
        return load(index);
    }

    private List<T> load(int index) {
        List<T> page = kept.get(index);
        if (page != null) {
            return page;
        }
        Page<T> answer = source.fetch(cursors.get(index), pageSize);
        kept.put(index, answer.items());
        if (answer.next() == null || answer.items().isEmpty()) {
            lastPage = index;
        } else if (cursors.size() == index + 1) {
            cursors.add(answer.next());
        }
        return answer.items();
    }
}
