package dev.goodput.app.export;

import dev.goodput.app.FormGrid;
import dev.goodput.chart.export.ChartExporter;
import dev.goodput.chart.export.ChartFormat;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import java.util.Optional;

/** Asks how to export a chart: format, PNG scale, size preset, presentation style with its title and subtitle. */
public final class ChartExportDialog {
    private ChartExportDialog() {
    }

    public static Optional<ChartExportSettings> ask(Window owner, String chartName, ChartExportSettings initial) {
        return create(owner, chartName, initial).showAndWait();
    }

    /** The dialog, not yet shown. */
    static Dialog<ChartExportSettings> create(Window owner, String chartName, ChartExportSettings initial) {
        Dialog<ChartExportSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + chartName);
        dialog.setHeaderText("Export the " + chartName + " as an image or a vector file");

        ComboBox<ChartFormat> format = new ComboBox<>();
        format.getItems().setAll(ChartFormat.values());
        format.setValue(initial.format());
        format.setId("export-format");
        ComboBox<Integer> scale = new ComboBox<>();
        scale.getItems().setAll(ChartExporter.PNG_SCALES);
        scale.setValue(initial.scale());
        scale.setId("export-scale");
        scale.disableProperty().bind(format.valueProperty().isNotEqualTo(ChartFormat.PNG));
        ComboBox<ChartSizePreset> size = new ComboBox<>();
        size.getItems().setAll(ChartSizePreset.values());
        size.setValue(initial.size());
        size.setId("export-size");
        CheckBox presentation = new CheckBox("Presentation style: white page, larger text, title, legend, caption");
        presentation.setSelected(initial.presentation());
        presentation.setId("export-presentation");
        TextField title = new TextField(initial.title());
        title.setId("export-title");
        title.disableProperty().bind(presentation.selectedProperty().not());
        TextField subtitle = new TextField(initial.subtitle());
        subtitle.setId("export-subtitle");
        subtitle.setPrefColumnCount(40);
        subtitle.disableProperty().bind(presentation.selectedProperty().not());

        title.setMaxWidth(Double.MAX_VALUE);
        subtitle.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = FormGrid.create(0);
        grid.addRow(0, FormGrid.name("Format"), format);
        grid.addRow(1, FormGrid.name("Scale (PNG)"), scale);
        grid.addRow(2, FormGrid.name("Size"), size);
        presentation.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(presentation, 0, 3, 2, 1);
        grid.addRow(4, FormGrid.name("Title"), title);
        grid.addRow(5, FormGrid.name("Subtitle"), subtitle);
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == export ? new ChartExportSettings(format.getValue(), scale.getValue(),
                size.getValue(), presentation.isSelected(), title.getText(), subtitle.getText()) : null);
        return dialog;
    }
}
