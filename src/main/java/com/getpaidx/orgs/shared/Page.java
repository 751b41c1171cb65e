package com.getpaidx.orgs.shared;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list: {@code {"items":[…],"nextCursor":…}}.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
