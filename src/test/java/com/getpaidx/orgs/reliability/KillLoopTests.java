package com.getpaidx.orgs.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill loop (see {@link KillLoop}) at CI size: two SIGKILLs of the service and one immediate stop of its
 * PostgreSQL, under load; bench/soak runs 50 + 10 with {@code -Dkill.rounds=50 -Dkill.databaseRounds=10}.
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
class KillLoopTests {

    @Test
    void everyAcknowledgedChargeSurvivesKillsAndDatabaseCrashesAndNothingIsChargedTwice() throws Exception {
        KillLoop.Outcome outcome = new KillLoop(Integer.getInteger("kill.rounds", 2),
                Integer.getInteger("kill.databaseRounds", 1), Integer.getInteger("kill.actors", 6)).run();
        System.out.println(outcome.result());
        assertThat(outcome.violations()).as(outcome.result()).isEmpty();
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.book().acked.size()).isGreaterThanOrEqualTo(200 * outcome.rounds());
    }
}
