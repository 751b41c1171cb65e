package com.getpaidx.orgs.usage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fault planted in the database for a test: a trigger that runs {@code body} before a usage event of one
 * {@code kind} is inserted, inside the charging statement. Dropped by {@link #drop}.
 */
record UsageEventTrigger(JdbcClient jdbc, String name) {

    static UsageEventTrigger install(JdbcClient jdbc, String name, String kind, String body) {
        jdbc.sql("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    " + body
                + "\n    RETURN NEW;\nEND $$").update();
        jdbc.sql("CREATE TRIGGER " + name + " BEFORE INSERT ON usage_event FOR EACH ROW WHEN (NEW.kind = '" + kind
                + "') EXECUTE FUNCTION " + name + "()").update();
        return new UsageEventTrigger(jdbc, name);
    }

    void drop() {
        jdbc.sql("DROP TRIGGER IF EXISTS " + name + " ON usage_event").update();
        jdbc.sql("DROP FUNCTION IF EXISTS " + name + "()").update();
    }
}
