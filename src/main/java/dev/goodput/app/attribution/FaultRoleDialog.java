package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Asks for a fault's causal role: root cause, cascade of another fault, teardown, or none; and a note. */
public final class FaultRoleDialog extends Dialog<FaultRoleRequest> {
    private final ToggleGroup kinds = new ToggleGroup();
    private final RadioButton root = radio("Root cause", FaultRole.Kind.ROOT_CAUSE, "fault-role-root");
    private final RadioButton cascade = radio("Cascade of", FaultRole.Kind.CASCADE, "fault-role-cascade");
    private final RadioButton teardown = radio("Teardown", FaultRole.Kind.TEARDOWN, "fault-role-teardown");
    private final RadioButton none = radio("None", null, "fault-role-none");
    private final ComboBox<AttributionRow> rootFault = new ComboBox<>();
    private final TextField note = new TextField();

    public FaultRoleDialog(FaultRoleContext context) {
        AttributionRow fault = context.fault();
        setTitle("Fault role");
        setHeaderText("Role of the " + fault.cause().label() + " fault at " + fault.timeText()
                + (fault.source().isEmpty() ? "" : "\n(" + fault.source() + ")"));
        rootFault.setId("fault-role-root-fault");
        rootFault.getItems().setAll(context.others());
        rootFault.setConverter(new StringConverter<>() {
            @Override
            public String toString(AttributionRow r) {
                return r == null ? "" : r.timeText() + " · " + r.cause().label() + " · " + r.source();
            }

            @Override
            public AttributionRow fromString(String s) {
                return null;
            }
        });
        rootFault.disableProperty().bind(cascade.selectedProperty().not());
        note.setId("fault-role-note");
        note.setText(fault.note());
        FaultRole current = fault.role();
        RadioButton initial = current == null ? none : switch (current.kind()) {
            case ROOT_CAUSE -> root;
            case CASCADE -> cascade;
            case TEARDOWN -> teardown;
        };
        kinds.selectToggle(initial);
        if (current != null && current.root() != null) {
            context.others().stream().filter(r -> r.faultRef().equals(current.root())).findFirst()
                    .ifPresent(rootFault::setValue);
        }
        cascade.setDisable(context.others().isEmpty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Role"), new VBox(6, root, cascade, rootFault, teardown, none));
        grid.addRow(1, new Label("Note"), note);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(cascade.selectedProperty().and(rootFault.valueProperty().isNull()));
        setResultConverter(b -> b != ButtonType.OK ? null : new FaultRoleRequest(
                (FaultRole.Kind) kinds.getSelectedToggle().getUserData(),
                cascade.isSelected() ? rootFault.getValue() : null, note.getText()));
    }

    /** A prompt showing this dialog over {@code owner} (may be null). */
    public static FaultRolePrompt prompt(Window owner) {
        return context -> {
            FaultRoleDialog d = new FaultRoleDialog(context);
            if (owner != null) {
                d.initOwner(owner);
            }
            return d.showAndWait();
        };
    }

    private RadioButton radio(String text, FaultRole.Kind kind, String id) {
        RadioButton b = new RadioButton(text);
        b.setUserData(kind);
        b.setToggleGroup(kinds);
        b.setId(id);
        return b;
    }
}
