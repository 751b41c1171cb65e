package com.getpaidx.orgs.shared;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ?limit=&cursor=} of a list endpoint. Lists are ordered by a time and an id; the cursor is the
 * position of the last row of the previous page, opaque to clients.
 */
public record PageRequest(int limit, Cursor.Position after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public <T> Page<T> page(List<T> fetched, Function<T, Cursor.Position> positionOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, Cursor.encode(positionOf.apply(items.get(limit - 1))));
    }

    public Instant afterTime() {
        return after == null ? null : after.time();
    }

    public java.util.UUID afterId() {
        return after == null ? null : after.id();
    }

    public String afterKey() {
        return after == null ? null : after.key();
    }
}
