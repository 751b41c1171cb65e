import java.util.List;
import java.util.Locale;

/**
 * One measured round: throughput (accepted events, or answered requests where nothing is charged),
 * latency percentiles, and what the ledger check needs: events acknowledged, and events in doubt
 * (requests cut off when wrk stopped, or answered with an error, that may have been charged).
 */
record Round(double perSecond, double p50Millis, double p99Millis, long requests, long acked, long inDoubt,
        long non2xx, long errors) {

    String describe(String unit) {
        return String.format(Locale.ROOT, "%,.0f %s, p50 %.1f ms, p99 %.1f ms, %,d requests, %,d non-2xx, %,d socket errors/timeouts",
                perSecond, unit, p50Millis, p99Millis, requests, non2xx, errors);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double medianRate(List<Round> rounds) {
        return median(rounds.stream().map(Round::perSecond).toList());
    }

    static double medianP99(List<Round> rounds) {
        return median(rounds.stream().map(Round::p99Millis).toList());
    }

    static double medianP50(List<Round> rounds) {
        return median(rounds.stream().map(Round::p50Millis).toList());
    }
}
