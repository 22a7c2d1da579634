package io.github.chatcluster.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page a stakeholder opens first, {@code target/cucumber-reports/claims.html}: one self-contained file (no
 * script, no network) with every claim of the demo in its words, its verdict, the findings behind it and the scenario
 * of each (search for its name in cucumber.html), and pictures drawn from the run's figures: the throughput trials
 * through one coordinator and through both, the failover times, and the longest time each client went without a
 * success in each part of an upgrade or a planned maintenance.
 */
public final class ClaimsPage {

    public record Finding(String verdict, String evidence, String scenario) {
    }

    public record Entry(String words, String verdict, String notJudgedHere, List<Finding> findings) {
    }

    private static final Pattern PER_SECOND = Pattern.compile("^([0-9.]+)/s");

    private ClaimsPage() {
    }

    public static String html(String order, List<Entry> ledger, Map<String, String> figures) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The demo's claims, as this run found them</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}")
                .append(".held{background:#e3f6e3}.not-held{background:#fbe3e3}.open{background:#f4f4f4}")
                .append("small{color:#555}svg{background:#fafafa;border:1px solid #ddd;margin:.5em 0}</style></head><body>\n")
                .append("<h1>The original demo's claims, as this run found them</h1>\n<p><small>").append(escape(order))
                .append(". Each finding names its scenario: search for it in <a href=\"cucumber.html\">cucumber.html</a>;")
                .append(" every figure is in <a href=\"figures.properties\">figures.properties</a>.</small></p>\n");
        h.append("<table><tr><th>the demo's claim, in its words</th><th>verdict</th><th>findings (scenario)</th></tr>\n");
        for (Entry e : ledger) {
            String css = e.verdict().startsWith("held") ? "held" : e.verdict().startsWith("not held") ? "not-held" : "open";
            h.append("<tr class=\"").append(css).append("\"><td>").append(escape(e.words())).append("</td><td>")
                    .append(escape(e.verdict())).append("</td><td>");
            if (e.notJudgedHere() != null) {
                h.append(escape(e.notJudgedHere()));
            }
            for (Finding f : e.findings()) {
                h.append("<p><b>").append(escape(f.verdict())).append("</b>: ").append(escape(f.evidence()))
                        .append(" <small>(").append(escape(f.scenario())).append(")</small></p>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        chart(h, "Write throughput trials (writes per second)", series(figures, "throughput."));
        chart(h, "Read throughput trials (reads per second)", series(figures, "read-throughput."));
        Map<String, Double> failover = series(figures, "failover.");
        // counts are not drawn with the seconds, nor the time nginx took to send clients to a coordinator that came back
        failover.keySet().removeIf(k -> !k.contains("seconds") || k.startsWith("return-seconds"));
        chart(h, "Failover: seconds until clients wrote again through the load balancer", failover);
        chart(h, "Return: seconds until the load balancer sent new clients to a coordinator that came back",
                series(figures, "failover.return-seconds."));
        chart(h, "Upgrade: the longest time without a success, per part and client (seconds)",
                series(figures, "upgrade.", ".longest-gap-seconds"));
        chart(h, "Planned maintenance: the longest time without a success, per restart and client (seconds)",
                series(figures, "maintenance.", ".longest-gap-seconds"));
        return h.append("</body></html>\n").toString();
    }

    /** The figures under the prefix (and with the suffix, if given) whose value starts with a number, in key order. */
    static Map<String, Double> series(Map<String, String> figures, String prefix, String... suffix) {
        Map<String, Double> values = new LinkedHashMap<>();
        figures.forEach((k, v) -> {
            if (!k.startsWith(prefix) || (suffix.length > 0 && !k.endsWith(suffix[0]))) {
                return;
            }
            Matcher m = PER_SECOND.matcher(v);
            String number = m.find() ? m.group(1) : v.trim();
            try {
                String label = k.substring(prefix.length());
                values.put(suffix.length > 0 ? label.substring(0, label.length() - suffix[0].length()) : label, Double.parseDouble(number));
            } catch (NumberFormatException notANumber) {
                // a figure that is not a number (a text, a list): not drawn
            }
        });
        return values;
    }

    /** A horizontal bar chart in inline SVG, one bar per value, with its label and number; nothing when empty. */
    static void chart(StringBuilder h, String title, Map<String, Double> values) {
        if (values.isEmpty()) {
            return;
        }
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int row = 18;
        int height = values.size() * row + 10;
        h.append("<h2>").append(escape(title)).append("</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1100\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n");
        int y = 5;
        List<String> bars = new ArrayList<>();
        for (var e : values.entrySet()) {
            double width = max <= 0 ? 0 : 420 * e.getValue() / max;
            bars.add(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"11\">%s</text>"
                    + "<rect x=\"610\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7ebb\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", y + 12, escape(shorten(e.getKey())), y + 2, width, row - 4,
                    615 + width, y + 12, trim(e.getValue())));
            y += row;
        }
        bars.forEach(b -> h.append(b).append('\n'));
        h.append("</svg>\n");
    }

    /** A long label keeps its last two parts whole (the part of the upgrade and the client): "scenario… part · client". */
    static String shorten(String label) {
        if (label.length() <= 90) {
            return label;
        }
        String[] parts = label.split("\\.");
        if (parts.length >= 3) {
            String tail = parts[parts.length - 2] + " · " + parts[parts.length - 1];
            return parts[0].substring(0, Math.min(parts[0].length(), Math.max(10, 90 - tail.length()))) + "… " + tail;
        }
        return label.substring(0, 44) + "…" + label.substring(label.length() - 44);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
