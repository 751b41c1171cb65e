package com.getpaidx.orgs.shared;

import java.util.List;

/** Tricky addresses, shared by the unit test of the rule and the test that the door and the sender agree. */
public final class EmailCorpus {

    private EmailCorpus() {
    }

    public static final List<String> ACCEPTED = List.of(
            "plain@example.com",
            "Mixed.Case@Example.COM",
            "o'brien+tag@example.com",
            "first.last-name_x@sub-domain.example.co.uk",
            "#!$%&'*+/=?^_`{|}~@example.com",
            "x@a.io",
            "1234@example.com",
            "a@xn--bcher-kva.example",
            "a".repeat(64) + "@example.com",
            "  padded@example.com  ");

    public static final List<String> REFUSED = List.of(
            "",
            "plain",
            "@example.com",
            "a@",
            "a@@example.com",
            "a@b@example.com",
            "a..b@example.com",
            ".a@example.com",
            "a.@example.com",
            "\"quoted\"@example.com",
            "\"a b\"@example.com",
            "a b@example.com",
            "a\\b@example.com",
            "a(comment)@example.com",
            "Name <a@example.com>",
            "<a@example.com>",
            "a@example.com, b@example.com",
            "a@example.com;b@example.com",
            "group: a@example.com;",
            "a@[127.0.0.1]",
            "a@127.0.0.1",
            "a@localhost",
            "a@example",
            "a@example.com.",
            "a@.example.com",
            "a@example..com",
            "a@-example.com",
            "a@example-.com",
            "a@exa_mple.com",
            "ü@example.com",
            "a@exämple.com",
            "a@example.com\r\nBcc: victim@example.com",
            "a\n@example.com",
            "a\u0000@example.com",
            "a@" + "l".repeat(64) + ".com",
            "a".repeat(65) + "@example.com",
            "a@" + ("b".repeat(60) + ".").repeat(5) + "com");
}
