package com.getpaidx.orgs.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadTests {

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuotedAndFormulasDefused() {
        assertThat(CsvDownload.escape("plain")).isEqualTo("plain");
        assertThat(CsvDownload.escape("-12.5")).as("negative credits stay numbers").isEqualTo("-12.5");
        assertThat(CsvDownload.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvDownload.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvDownload.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvDownload.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvDownload.escape("@sum")).isEqualTo("'@sum");
    }
}
