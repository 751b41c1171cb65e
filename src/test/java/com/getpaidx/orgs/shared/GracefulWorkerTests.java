package com.getpaidx.orgs.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker stopped mid-run finishes the row in hand, takes no other, and {@code stop()} waits for it. */
class GracefulWorkerTests {

    /** Works through rows 1..5, each taking until the test lets it go. */
    static final class RowWorker extends GracefulWorker {

        final List<Integer> done = new CopyOnWriteArrayList<>();
        final CountDownLatch inRowTwo = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        boolean run() throws InterruptedException {
            if (!enter()) {
                return false;
            }
            try {
                for (int row = 1; row <= 5; row++) {
                    if (!open()) {
                        return true;
                    }
                    if (row == 2) {
                        inRowTwo.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                    done.add(row);
                }
                return true;
            }
            finally {
                leave();
            }
        }
    }

    @Test
    void stopLetsTheRowInHandFinishAndWaitsForIt() throws Exception {
        RowWorker worker = new RowWorker();
        worker.start();
        Thread run = Thread.ofPlatform().start(() -> {
            try {
                worker.run();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(worker.inRowTwo.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Thread stopper = Thread.ofPlatform().start(worker::stop);
        // stop has begun (it waits on the worker), then it waits for the run in progress: still waiting 200 ms later
        await().atMost(Duration.ofSeconds(10)).until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(stopper::isAlive);
        worker.release.countDown();
        stopper.join(Duration.ofSeconds(10));
        run.join(Duration.ofSeconds(10));

        assertThat(worker.done).as("row 2 finished, row 3 never begun").containsExactly(1, 2);
        assertThat(worker.isRunning()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(worker.run()).as("no run after stop").isFalse();
    }

    @Test
    void itStopsAfterTheWebServer() {
        assertThat(GracefulWorker.PHASE).isLessThan(
                org.springframework.boot.web.server.context.WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
    }
}
