package com.getpaidx.orgs.shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTests {

    record Row(Instant at, UUID id) {
    }

    private static List<Row> rows(int count) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return IntStream.range(0, count).mapToObj(i -> new Row(start.plusSeconds(i), UUID.randomUUID())).toList();
    }

    @Test
    void aFullerFetchMeansAnotherPageFollowsFromTheLastItem() {
        PageRequest request = PageRequest.of(2, null);
        List<Row> fetched = rows(request.fetchSize());
        Page<Row> page = request.page(fetched, row -> new Cursor.Position(row.at(), row.id()));
        assertThat(page.items()).containsExactly(fetched.get(0), fetched.get(1));
        Cursor.Position next = Cursor.decode(page.nextCursor());
        assertThat(next).isEqualTo(new Cursor.Position(fetched.get(1).at(), fetched.get(1).id()));
    }

    @Test
    void theLastPageHasNoCursor() {
        PageRequest request = PageRequest.of(5, null);
        assertThat(request.page(rows(5), row -> new Cursor.Position(row.at(), row.id())).nextCursor()).isNull();
    }

    @Test
    void limitsAreOneToTwoHundredAndDefaultToFifty() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of(200, null).limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void cursorsRoundTripAndForgeriesAreRefused() {
        var position = new Cursor.Position(Instant.parse("2026-11-26T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(Cursor.encode(position))).isEqualTo(position);
        for (String forged : new String[] { "!!!", "Zm9v", Cursor.encode(position).substring(3) }) {
            assertThatThrownBy(() -> Cursor.decode(forged)).as(forged).isInstanceOf(InvalidInput.class);
        }
    }
}
