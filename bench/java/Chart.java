import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * docs/hot-wallet.svg: hot-wallet throughput (accepted events/s) against the number of connections,
 * group commit against one transaction per event. A plain SVG line chart, no library: the x axis
 * places 1, 8, 32, 128 connections at equal steps, the y axis starts at 0.
 */
final class Chart {

    record Series(String name, String color, List<Double> values) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private Chart() {
    }

    static void write(Path file, String title, String note, List<Integer> connections, List<Series> series)
            throws IOException {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        double step = niceStep(max / 5);
        double top = Math.ceil(max / step) * step;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">
                <rect width="100%%" height="100%%" fill="white"/>
                <text x="%d" y="24" font-size="15" font-weight="bold">%s</text>
                <text x="%d" y="40" fill="#555">%s</text>
                """, WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, escape(title), LEFT, escape(note)));
        for (double y = 0; y <= top + step / 2; y += step) {
            double py = TOP + plotHeight - y / top * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>%n",
                    LEFT, py, LEFT + plotWidth, py, LEFT - 8, py + 4, y));
        }
        for (int i = 0; i < connections.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(i, connections.size(), plotWidth), TOP + plotHeight + 18, connections.get(i)));
        }
        svg.append(String.format(Locale.ROOT, """
                <text x="%d" y="%d" text-anchor="middle">connections (wrk, closed loop)</text>
                <text x="18" y="%d" transform="rotate(-90 18 %d)" text-anchor="middle">accepted events/s</text>
                <line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>
                """, LEFT + plotWidth / 2, HEIGHT - 18, TOP + plotHeight / 2, TOP + plotHeight / 2, LEFT, TOP + plotHeight,
                LEFT + plotWidth, TOP + plotHeight));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.values().size(); i++) {
                double v = line.values().get(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                double px = x(i, connections.size(), plotWidth);
                double py = TOP + plotHeight - v / top * plotHeight;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%,.0f</text>%n",
                        px, py, line.color(), px, py - 9, line.color(), v));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), line.color()));
            int ly = TOP + 20 + s * 22;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 40, ly, line.color(),
                    WIDTH - RIGHT + 46, ly + 4, escape(line.name())));
        }
        svg.append("</svg>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, svg);
    }

    private static double x(int i, int count, int plotWidth) {
        return LEFT + (i + 0.5) * plotWidth / count;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
