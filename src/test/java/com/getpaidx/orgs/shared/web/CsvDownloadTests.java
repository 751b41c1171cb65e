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
        // a model, kind or workspace id comes from the runtime: a leading - is a formula unless the cell is a number
        assertThat(CsvDownload.escape("-1+cmd|' /C calc'!A0")).isEqualTo("'-1+cmd|' /C calc'!A0");
        assertThat(CsvDownload.escape("-7")).isEqualTo("-7");
        assertThat(CsvDownload.escape("\tcmd")).isEqualTo("'\tcmd");
    }
}
