package com.getpaidx.orgs.shared.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import com.getpaidx.orgs.shared.RowSink;

/**
 * A CSV download written straight to the response as rows arrive (RFC 4180: comma separated, CRLF line ends,
 * fields with a comma, quote or line break quoted, a header row). Nothing is held beyond the writer's buffer, so an
 * export of any length runs in constant memory. The response starts only at {@link #begin()}, once the export is
 * authorized. Cells are written as given: callers pass credits as decimal strings and times as UTC ISO 8601.
 */
public final class CsvDownload<T> implements RowSink<T>, AutoCloseable {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    public static final String TEXT_CSV = "text/csv";

    private final HttpServletResponse response;
    private final String filename;
    private final List<String> header;
    private final Function<T, List<?>> cells;
    private Writer out;

    public CsvDownload(HttpServletResponse response, String filename, List<String> header, Function<T, List<?>> cells) {
        this.response = response;
        this.filename = filename;
        this.header = header;
        this.cells = cells;
    }

    @Override
    public void begin() {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        try {
            out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header);
    }

    @Override
    public void accept(T item) {
        row(cells.apply(item));
    }

    private void row(List<?> row) {
        try {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(row.get(i) == null ? "" : row.get(i).toString()));
            }
            out.write("\r\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String cell) {
        // a leading =, +, -, @, tab or carriage return makes spreadsheets read a formula; a negative number stays one
        boolean formula = !cell.isEmpty() && ("=+@\t\r".indexOf(cell.charAt(0)) >= 0
                || (cell.charAt(0) == '-' && !NEGATIVE_NUMBER.matcher(cell).matches()));
        String safe = formula ? "'" + cell : cell;
        if (safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
