package dev.goodput.app;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.io.File;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Dragboard} holding files, as the platform hands one to a window when files are dragged in from a file
 * manager. JavaFX has no public way to make one; on the class path its internal helper is reachable, and a small
 * in-memory clipboard stands in for the platform's (JavaFX's own LocalClipboard refuses to tell transfer modes).
 */
final class TestDragboards {
    private TestDragboards() {
    }

    /** Call on the FX thread. */
    static Dragboard withFiles(List<File> files) {
        Map<DataFormat, Object> content = new HashMap<>();
        TKClipboard peer = (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentTypes" -> Set.copyOf(content.keySet());
                    case "putContent" -> {
                        content.clear();
                        for (Object o : (Object[]) args[0]) {
                            Pair<?, ?> pair = (Pair<?, ?>) o;
                            content.put((DataFormat) pair.getKey(), pair.getValue());
                        }
                        yield true;
                    }
                    case "getContent" -> content.get((DataFormat) args[0]);
                    case "hasContent" -> content.containsKey((DataFormat) args[0]);
                    case "getTransferModes" -> Set.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
                    case "getDragViewOffsetX", "getDragViewOffsetY" -> 0.0;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "TestDragboard" + content.keySet();
                    default -> null;
                });
        Dragboard board = DragboardHelper.createDragboard(peer);
        board.setContent(Map.of(DataFormat.FILES, List.copyOf(files)));
        return board;
    }
}
