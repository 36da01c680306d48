package dev.goodput.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Finds text a user sees cut: labels, buttons, check boxes and column headers whose shown text is not their text. */
public final class CutText {
    private CutText() {
    }

    /**
     * Each visible labelled control under {@code root} whose text is drawn elided ("Duration" shown as "Dura…"), as
     * "text → shown"; empty when every one shows its whole text. Call after a layout pass.
     */
    public static List<String> under(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled) {
            Labeled l = (Labeled) node;
            String text = l.getText();
            if (text != null && !text.isEmpty()) {
                for (Node child : l.getChildrenUnmodifiable()) {
                    if (child instanceof Text && !text.equals(((Text) child).getText())) {
                        out.add(text + " → " + ((Text) child).getText());
                    }
                }
            }
        }
        if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }
}
