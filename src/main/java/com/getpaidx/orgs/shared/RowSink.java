package com.getpaidx.orgs.shared;

import java.util.function.Consumer;

/**
 * Where an export's rows go. {@link #begin()} is called once the caller is authorized and before the first row, so
 * a download starts (headers, a header row) only when it can be answered: a refusal is still a problem response.
 */
public interface RowSink<T> extends Consumer<T> {

    default void begin() {
    }
}
