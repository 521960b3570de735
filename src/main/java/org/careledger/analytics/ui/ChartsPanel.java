package org.careledger.analytics.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careledger.analytics.ChartData;
import org.careledger.analytics.Period;

/**
 * A column of charts that a live page redraws as newer numbers arrive: a chart already shown is updated
 * in place (no flicker, the reader's scroll position and table toggles kept), a new or changed-shape one
 * replaces its card, and charts no longer given are removed. Used by the admins' and the doctors' pages.
 */
class ChartsPanel extends Div {

    private final Map<String, ChartCard> cards = new LinkedHashMap<>();

    ChartsPanel(String id) {
        setId(id);
        setWidthFull();
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m)");
    }

    /** Shows these charts, in this order; {@code period} names the downloads (null for the ledger's). */
    void show(List<ChartData> charts, Period period) {
        List<String> ids = charts.stream().map(ChartData::id).toList();
        boolean sameOrder = new ArrayList<>(cards.keySet()).equals(ids);
        if (!sameOrder) {
            removeAll();
            cards.clear();
        }
        for (ChartData chart : charts) {
            ChartCard card = cards.get(chart.id());
            if (card != null && card.update(chart, period)) {
                continue;
            }
            ChartCard fresh = new ChartCard(chart, period);
            if (card != null) {
                replace(card, fresh);
            } else {
                add(fresh);
            }
            cards.put(chart.id(), fresh);
        }
    }

    /** Empties the panel (the filters are not set). */
    void clear() {
        removeAll();
        cards.clear();
    }
}
