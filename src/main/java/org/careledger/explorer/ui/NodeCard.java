package org.careledger.explorer.ui;

import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.careledger.common.ui.BrowserTime;
import org.careledger.explorer.ConsortiumNode;

/**
 * One node on the consortium page: its name and hospital, its chain (height, tip and how it stands
 * against the others'), its health (peers, hash rate, difficulty, pool, store, checkpoint) and its
 * sealing, with Pause or Resume. Built once and updated in place as the node changes, so the ids stay.
 */
class NodeCard extends Div {

    private final String node;
    private final H3 title = new H3();
    private final Span hospital = new Span();
    final Span height = new Span();
    final Span sealing = new Span();
    private final Div lines = new Div();
    final Button pause = new Button("Pause sealing");
    final Button resume = new Button("Resume sealing");

    NodeCard(String node, Consumer<String> onPause, Consumer<String> onResume) {
        this.node = node;
        setId("node-card-" + node);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("flex", "1 1 300px").set("max-width", "100%").set("min-width", "0")
                .set("box-sizing", "border-box").set("overflow-wrap", "anywhere");
        title.getStyle().set("margin", "0");
        height.setId("node-height-" + node);
        sealing.setId("node-sealing-" + node);
        pause.setId("pause-" + node);
        resume.setId("resume-" + node);
        pause.addThemeVariants(ButtonVariant.LUMO_ERROR);
        pause.addClickListener(click -> onPause.accept(node));
        resume.addClickListener(click -> onResume.accept(node));
        HorizontalLayout buttons = new HorizontalLayout(pause, resume);
        buttons.setWrap(true);
        add(title, hospital, lines, buttons);
    }

    void show(ConsortiumNode n) {
        title.setText(n.name() + (n.home() ? " (this portal's node)" : ""));
        hospital.setText(n.hospital().orElse("No provider of the portal is named after this node"));
        height.setText(Long.toString(n.height()));
        sealing.setText(n.refusal().isPresent() ? "Stopped" : n.sealingPaused() ? "Paused" : "Sealing");
        sealing.getElement().getThemeList().clear();
        sealing.getElement().getThemeList().add(n.sealing() ? "badge success" : "badge error");
        lines.removeAll();
        line("Height", height);
        line("Tip", new Span(n.tip().shortHex() + " · " + agreement(n)));
        line("Last block", new Span(BrowserTime.format(n.lastBlockTime())));
        line("Sealer", new Span(n.sealer().toString()));
        line("Sealing", sealing);
        line("Peers", new Span(n.peersReachable() + " of " + n.peers() + " reachable"));
        line("Hash rate", new Span(hashRate(n.hashesPerSecond())));
        line("Difficulty", new Span(String.format(Locale.ROOT, "%,d", n.difficulty())));
        line("Pool", new Span(n.mempoolSize() + (n.mempoolSize() == 1 ? " transaction, " : " transactions, ") + bytes(n.mempoolBytes())));
        line("Store on disk", new Span(bytes(n.storeBytes())));
        line("Checkpoint", new Span(n.checkpointHeight() < 0 ? "none yet" : "at height " + n.checkpointHeight()));
        n.refusal().ifPresent(r -> line("Refuses its store", new Span(r)));
        pause.setVisible(!n.sealingPaused());
        resume.setVisible(n.sealingPaused());
    }

    String node() {
        return node;
    }

    private void line(String label, Span value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div line = new Div(name, value);
        lines.add(line);
    }

    static String agreement(ConsortiumNode n) {
        return switch (n.tipAgreement()) {
            case AGREES -> "agrees with the other nodes";
            case FORKED -> "FORK: another node at this height has a different tip";
            case BEHIND -> "behind by " + n.blocksBehind() + (n.blocksBehind() == 1 ? " block" : " blocks");
        };
    }

    static String hashRate(double perSecond) {
        if (perSecond <= 0) {
            return "not mined yet";
        }
        String[] units = {"H/s", "kH/s", "MH/s", "GH/s"};
        int u = 0;
        double v = perSecond;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
