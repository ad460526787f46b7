package dev.sessiondb.ui.overview;

import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.validation.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The store dashboard: headline numbers, sessions per week, by repository and by status (Minsky's sessions), and what to check. */
public final class OverviewView extends ScrollPane {

    private static final int WEEKS_SHOWN = 26;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d");

    private final OverviewViewModel viewModel;
    private final HBox numbers = new HBox(12);
    private final BarChart<String, Number> perWeek = barChart("Sessions created per week (Mondays, UTC; at most the last 26 weeks)");
    private final BarChart<String, Number> byRepo = barChart("Sessions by repository");
    private final PieChart byStatus = new PieChart();

    public OverviewView(OverviewViewModel viewModel) {
        this.viewModel = viewModel;
        setId("overview-view");
        setFitToWidth(true);

        Label status = Controls.styled(new Label(), "text-muted");
        status.setId("overview-status");
        status.textProperty().bind(viewModel.statusProperty());

        byStatus.setTitle("Sessions by status");
        byStatus.setLabelsVisible(true);
        byStatus.setLegendVisible(false);
        byStatus.setAccessibleText("Pie chart of sessions by status");

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        // two halves that grow: a chart spanning both grows no column, so the per-week chart alone (a chat server's store,
        // without Minsky's charts below it) kept its own width and cut its title
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(half);
        }
        charts.add(perWeek, 0, 0, 2, 1);
        charts.add(byRepo, 0, 1);
        charts.add(byStatus, 1, 1);
        for (Node chart : List.of(perWeek, byRepo, byStatus)) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
        }
        byRepo.setPrefHeight(300);
        byStatus.setPrefHeight(300);
        perWeek.setPrefHeight(260);

        ListView<FindingSummary> findings = Controls.describe(new ListView<>(viewModel.findings()), "What to check in this store first");
        findings.setCellFactory(list -> new FindingCell());
        findings.setId("overview-findings");
        findings.setPrefHeight(150);
        findings.setPlaceholder(Controls.emptyState("No findings yet."));
        Label findingsStatus = Controls.styled(new Label(), "text-muted");
        findingsStatus.setId("overview-findings-status");
        findingsStatus.textProperty().bind(viewModel.findingsStatusProperty());
        findingsStatus.setWrapText(true);
        findings.setOnMouseClicked(event -> viewModel.showExample(findings.getSelectionModel().getSelectedItem()));
        findings.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.showExample(findings.getSelectionModel().getSelectedItem());
            }
        });
        Button runChecks = Controls.button("Run the checks",
                "Run every validation check over this store (reads every session; listed under Jobs, with cancel)", viewModel::runChecks);
        runChecks.setId("run-checks");

        HBox checksBar = new HBox(10, Controls.styled(new Label("To check"), "title-4"), runChecks);
        checksBar.setAlignment(Pos.CENTER_LEFT);
        VBox details = new VBox(12, numbers, checksBar, findingsStatus, findings, charts);
        details.visibleProperty().bind(viewModel.statisticsProperty().isNotNull());
        VBox content = new VBox(12, status, details);
        content.setPadding(new Insets(12));
        setContent(content);
        viewModel.statisticsProperty().addListener((property, before, after) -> show(after));
    }

    private void show(StoreStatistics statistics) {
        numbers.getChildren().clear();
        perWeek.getData().clear();
        byRepo.getData().clear();
        byStatus.getData().clear();
        if (statistics == null) {
            return;
        }
        statistics.headlines().forEach(headline -> numbers.getChildren().add(number(headline)));
        for (Node minskyChart : List.of(byRepo, byStatus)) {
            minskyChart.setVisible(statistics.aboutMinskySessions());
            minskyChart.setManaged(statistics.aboutMinskySessions());
        }
        perWeek.getData().add(weeks(statistics.perWeek()));
        XYChart.Series<String, Number> repos = new XYChart.Series<>();
        StoreStatistics.top(statistics.byRepo(), 8).forEach((repo, count) -> repos.getData().add(new XYChart.Data<>(repo, count)));
        byRepo.getData().add(repos);
        StoreStatistics.top(statistics.byStatus(), 6).forEach((status, count) ->
                byStatus.getData().add(new PieChart.Data(status + " (" + count + ")", count)));
    }

    /**
     * The weeks from the first with sessions (at most 26 weeks back from the newest) to the
     * newest, empty weeks included, so the bars read as a time line.
     */
    private static XYChart.Series<String, Number> weeks(Map<LocalDate, Long> perWeek) {
        XYChart.Series<String, Number> weeks = new XYChart.Series<>();
        if (perWeek.isEmpty()) {
            return weeks;
        }
        List<LocalDate> known = List.copyOf(perWeek.keySet());
        LocalDate last = known.get(known.size() - 1);
        LocalDate earliest = last.minusWeeks(WEEKS_SHOWN - 1);
        LocalDate first = known.stream().filter(week -> !week.isBefore(earliest)).findFirst().orElse(last);
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            weeks.getData().add(new XYChart.Data<>(WEEK.format(week), perWeek.getOrDefault(week, 0L)));
        }
        return weeks;
    }

    /** A finding as two lines: severity, check and count; then the first example, cut to the width. */
    private static final class FindingCell extends ListCell<FindingSummary> {
        FindingCell() {
            setPrefWidth(0); // follow the list's width; long examples end in "…"
        }

        @Override
        protected void updateItem(FindingSummary finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label headline = Controls.styled(new Label(finding.headline()), "text-bold", finding.severity() == Severity.ERROR ? "danger" : "warning");
            Label example = Controls.styled(new Label("e.g. " + finding.example()), "text-small", "text-muted");
            setGraphic(new VBox(1, headline, example));
            setTooltip(new Tooltip(finding.example()));
            setAccessibleText(finding.headline() + ", for example " + finding.example());
        }
    }

    private static VBox number(StoreStatistics.Headline headline) {
        Label number = Controls.styled(new Label(String.format("%,d", headline.value())), "title-2");
        VBox card = new VBox(2, number, Controls.styled(new Label(headline.label()), "text-muted"));
        card.getStyleClass().add("overview-number");
        card.setPadding(new Insets(10, 16, 10, 16));
        card.setAccessibleText(headline.label() + ": " + headline.value());
        return card;
    }

    private static BarChart<String, Number> barChart(String title) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setAccessibleText("Bar chart: " + title);
        return chart;
    }
}
