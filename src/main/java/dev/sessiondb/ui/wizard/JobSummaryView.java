package dev.sessiondb.ui.wizard;

import dev.sessiondb.ui.common.BreakableText;
import dev.sessiondb.ui.common.Controls;
import dev.sessiondb.ui.common.SessionWords;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** Shows a {@link JobSummary}: the headline coloured by how things went, the counts in two columns, the lines in a list. */
public final class JobSummaryView extends VBox {

    private static final int MOST_LINES_SHOWN = 8;
    /** A wrapped line of the list before the list is laid out, two lines of text at the app's font size. */
    private static final double LINE_HEIGHT = 44;
    /** What a line's cell adds to its text's height, until a cell is there to tell. */
    private static final double CELL_PADDING = 8;

    private final Label headline = new Label();
    private final GridPane counts = new GridPane();
    private final ListView<String> lines = new ListView<>();

    /** @param id prefix of the ids: {@code id-headline}, {@code id-counts}, {@code id-lines} */
    public JobSummaryView(String id, ObservableValue<JobSummary> summary) {
        this(id, summary, null);
    }

    /**
     * As {@link #JobSummaryView(String, ObservableValue)}, with {@code afterHeadline} between the headline and the counts: a
     * repair's changed sessions, which under its counts and lines began below the fold of a 1024x673 screen.
     */
    public JobSummaryView(String id, ObservableValue<JobSummary> summary, Node afterHeadline) {
        super(10);
        headline.setId(id + "-headline");
        headline.setWrapText(true);
        // all of it, however many lines: a long refusal cut off at "…" hid what to do
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.getStyleClass().add("title-4");
        counts.setId(id + "-counts");
        counts.setHgap(24);
        counts.setVgap(4);
        lines.setId(id + "-lines");
        lines.setAccessibleText("What to know about this job");
        Controls.wrapLines(lines);
        // never squeezed to a sliver under a long report: the wizard's page scrolls to it instead
        lines.setMinHeight(Region.USE_PREF_SIZE);
        lines.setPlaceholder(Controls.emptyState("Nothing more to say: no warnings."));
        lines.visibleProperty().bind(Bindings.isNotEmpty(lines.getItems()));
        lines.managedProperty().bind(lines.visibleProperty());
        lines.widthProperty().addListener((property, before, width) -> fitLines());
        getChildren().add(headline);
        if (afterHeadline != null) {
            getChildren().add(afterHeadline);
        }
        getChildren().addAll(counts, lines);
        summary.addListener((property, before, after) -> show(after));
        show(summary.getValue());
    }

    private void show(JobSummary summary) {
        setVisible(summary != null);
        counts.getChildren().clear();
        if (summary == null) {
            headline.setText("");
            lines.getItems().clear();
            return;
        }
        headline.setText(summary.headline());
        headline.setAccessibleText(summary.headline());
        headline.getStyleClass().removeAll("success", "accent", "warning", "danger");
        headline.getStyleClass().add(switch (summary.tone()) {
            case GOOD -> "success";
            case INFO -> "accent";
            case WARNING -> "warning";
            case BAD -> "danger";
        });
        int row = 0;
        for (var count : summary.counts().entrySet()) {
            String named = SessionWords.countName(count.getKey());
            Label name = Controls.styled(new Label(named), "text-muted");
            Label value = new Label(String.format("%,d", count.getValue()));
            value.setAccessibleText(named + ": " + count.getValue());
            counts.addRow(row++, name, value);
        }
        lines.getItems().setAll(summary.lines());
        fitLines();
    }

    /**
     * The list as tall as its lines wrapped at its width, up to eight: one note under a report filled the page, and a line
     * naming a backup's whole path wraps to three or four, which a height of two lines each cut.
     */
    private void fitLines() {
        int shown = Math.min(lines.getItems().size(), MOST_LINES_SHOWN);
        double wrappedAt = lines.getWidth() - Controls.WRAPPED_LINE_MARGIN;
        if (wrappedAt <= 0) {
            lines.setPrefHeight(shown * LINE_HEIGHT + 6);
            return;
        }
        Node cell = lines.lookup(".list-cell");
        Text probe = new Text();
        // before the list has its cells, a count's label has the font they will have (the headline's is larger)
        Node styledLikeALine = cell != null ? cell : counts.getChildren().isEmpty() ? headline : counts.getChildren().get(0);
        probe.setFont(((Labeled) styledLikeALine).getFont());
        probe.setWrappingWidth(wrappedAt);
        double padding = cell instanceof Region region ? region.snappedTopInset() + region.snappedBottomInset() : CELL_PADDING;
        double height = 6;
        for (String line : lines.getItems().subList(0, shown)) {
            probe.setText(BreakableText.shown(line));
            height += Math.ceil(probe.getLayoutBounds().getHeight()) + padding;
        }
        lines.setPrefHeight(height);
    }
}
