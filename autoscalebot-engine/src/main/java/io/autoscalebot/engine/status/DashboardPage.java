package io.autoscalebot.engine.status;

import io.autoscalebot.api.decide.GuideLine;
import io.autoscalebot.engine.chart.SvgChart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code /}: one HTML page, rendered on the server, with per group its measurements over the last hours and the
 * decide plugin's guide lines, its process count inside its min/max band, and its scales (markers on both charts and a
 * list with their reasons). It reloads itself with a {@code <meta http-equiv="refresh">}: no script, no font, nothing
 * fetched from anywhere else. Every text from the configuration or a plugin is escaped.
 */
public final class DashboardPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "section.group{border-top:1px solid #ccc;padding-top:.5em;margin-top:1.5em}"
            + "svg{max-width:960px;display:block}svg text{font-size:12px;fill:#444}svg text.title{font-weight:bold}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;"
            + "vertical-align:top}.role{font-size:1.1em}.muted{color:#777}";

    private final StatusBoard board;
    private final Role role;
    private final Clock clock;
    private final Duration refresh;

    /**
     * @param board the groups' ticks, histories and guide lines
     * @param role whether this instance scales
     * @param clock the engine's clock: the charts end now
     * @param refresh how often the page reloads itself, at least a second
     */
    public DashboardPage(StatusBoard board, Role role, Clock clock, Duration refresh) {
        this.board = board;
        this.role = role;
        this.clock = clock;
        this.refresh = refresh.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : refresh;
    }

    /** @return the page */
    public String write() {
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(refresh.toSeconds()).append("\">\n")
                .append("<title>autoscalebot</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>autoscalebot</h1>\n");
        String current = role.current().orElse(null);
        html.append("<p class=\"role\" id=\"role\">This instance is ")
                .append(current == null ? "<b>starting</b>: its role is not known yet"
                        : "<b>" + SvgChart.escape(current) + "</b>" + roleNote(current))
                .append(".</p>\n<p class=\"muted\">").append(TIME.format(now)).append("; reloads every ")
                .append(refresh.toSeconds()).append(" s. Also: <a href=\"status\">/status</a>, ")
                .append("<a href=\"metrics\">/metrics</a>.</p>\n");
        List<Map.Entry<String, Optional<GroupStatus>>> groups = board.groups();
        for (int i = 0; i < groups.size(); i++) {
            group(html, i, groups.get(i).getKey(), groups.get(i).getValue(), now);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String roleNote(String role) {
        return switch (role) {
            case "leader" -> ": it holds the lease, and measures, decides and scales";
            case "standby" -> ": another instance holds the lease; this one waits and scales nothing";
            default -> ": it measures, decides and scales";
        };
    }

    private void group(StringBuilder html, int index, String name, Optional<GroupStatus> found, Instant now) {
        String escaped = SvgChart.escape(name);
        html.append("<section class=\"group\" id=\"group-").append(index).append("\" data-group=\"").append(escaped)
                .append("\">\n<h2>").append(escaped).append("</h2>\n");
        if (found.isEmpty()) {
            html.append("<p class=\"summary muted\">No tick yet.</p>\n</section>\n");
            return;
        }
        GroupStatus status = found.get();
        GroupHistory.Snapshot history = board.history(name, now);
        html.append("<p class=\"summary\">").append(summary(status, history)).append("</p>\n");
        if (!history.isEmpty()) {
            long[] times = history.times();
            long start = times[0];
            long end = Math.max(now.getEpochSecond(), times[times.length - 1]) + 1;
            SvgChart.TimeAxis axis = new SvgChart.TimeAxis(times, start, end, List.of(), "");
            List<SvgChart.Marker> markers = new ArrayList<>();
            for (GroupHistory.Event event : history.events()) {
                markers.add(new SvgChart.Marker(event.time().getEpochSecond(), event.from() + " \u2192 " + event.to()
                        + ": " + event.reason()));
            }
            String unit = status.measurement().filter(m -> m.hasValue()).map(m -> m.unit()).orElse("");
            List<SvgChart.Reference> lines = board.guides(name).stream()
                    .map((GuideLine line) -> new SvgChart.Reference(line.name(), line.value())).toList();
            html.append(new SvgChart("Measurement" + (unit.isEmpty() ? "" : " (" + unit + ")"), axis,
                    List.of(new SvgChart.Series("measured", "#c60", history.measurements())), lines, null, markers,
                    Double.POSITIVE_INFINITY).svg());
            html.append(new SvgChart("Processes", axis,
                    List.of(new SvgChart.Series("processes", "#15c", history.counts())), List.of(),
                    new SvgChart.Band("min to max", history.mins(), history.maxes()), markers,
                    Double.POSITIVE_INFINITY).svg());
        }
        events(html, history.events());
        html.append("</section>\n");
    }

    private static String summary(GroupStatus status, GroupHistory.Snapshot history) {
        StringBuilder text = new StringBuilder();
        double[] counts = history.counts();
        double running = counts.length == 0 ? Double.NaN : counts[counts.length - 1];
        if (!Double.isNaN(running)) {
            text.append("<span class=\"count\">").append((long) running).append(running == 1 ? " process"
                    : " processes").append("</span>");
        } else {
            text.append("<span class=\"count\">processes not known</span>");
        }
        status.target().ifPresent(target -> text.append(", target ").append(target));
        if (status.min().isPresent() && status.max().isPresent()) {
            text.append(", min ").append(status.min().getAsInt()).append(", max ").append(status.max().getAsInt());
        }
        text.append(". Last tick ").append(TIME.format(status.time())).append(": ")
                .append(status.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        status.measurement().ifPresent(m -> text.append(", measured ").append(SvgChart.escape(m.describe())));
        if (!status.reason().isEmpty()) {
            text.append(", <span class=\"reason\">").append(SvgChart.escape(status.reason())).append("</span>");
        }
        return text.append('.').toString();
    }

    private static void events(StringBuilder html, List<GroupHistory.Event> events) {
        if (events.isEmpty()) {
            html.append("<p class=\"events muted\">No scale in the last ")
                    .append(GroupHistory.WINDOW.toHours()).append(" hours.</p>\n");
            return;
        }
        html.append("<table class=\"events\">\n<tr><th>Scaled at</th><th>From</th><th>To</th><th>Why</th></tr>\n");
        // Newest first: the one people look for.
        for (int i = events.size() - 1; i >= 0; i--) {
            GroupHistory.Event event = events.get(i);
            html.append("<tr class=\"event\"><td>").append(TIME.format(event.time())).append("</td><td>")
                    .append(event.from()).append("</td><td>").append(event.to()).append("</td><td>")
                    .append(SvgChart.escape(event.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
