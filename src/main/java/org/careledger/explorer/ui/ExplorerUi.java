package org.careledger.explorer.ui;

import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.ui.BrowserTime;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.explorer.AddressLabel;
import org.careledger.explorer.BlockRow;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.explorer.TxRow;
import org.careledger.ledger.Hash;

/** What the explorer's pages share: the search box, links to blocks, transactions and accounts, and the two grids. */
final class ExplorerUi {

    private ExplorerUi() {
    }

    /** The search box (id {@code explorer-search}): Enter goes to the page of what was typed, or says why not. */
    static TextField searchField(ExplorerSearch search) {
        TextField field = new TextField();
        field.setId("explorer-search");
        field.setPlaceholder("Height, block hash, transaction id or address");
        field.setAriaLabel("Search the chain");
        field.setClearButtonVisible(true);
        field.setWidthFull();
        field.setMaxWidth("40rem");
        field.addKeyPressListener(Key.ENTER, e -> go(search, field));
        field.addValueChangeListener(e -> field.setInvalid(false));
        return field;
    }

    static void go(ExplorerSearch search, TextField field) {
        try {
            String route = search.find(field.getValue());
            field.setInvalid(false);
            field.getUI().ifPresent(ui -> ui.navigate(route));
        } catch (InvalidInputException e) {
            field.setErrorMessage(e.fieldErrors().values().iterator().next());
            field.setInvalid(true);
        } catch (NotFoundException e) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    static RouterLink blockLink(long height) {
        RouterLink link = new RouterLink(String.valueOf(height), BlockView.class, String.valueOf(height));
        link.addClassName("explorer-block-link");
        return link;
    }

    static RouterLink blockLink(Hash hash, String text) {
        return new RouterLink(text, BlockView.class, hash.hex());
    }

    static RouterLink txLink(Hash id) {
        RouterLink link = new RouterLink(id.shortHex() + "…", TransactionView.class, id.hex());
        link.getElement().setAttribute("title", id.hex());
        return link;
    }

    static Component addressLink(AddressLabel label) {
        if (label == null) {
            return new Span("—");
        }
        RouterLink link = new RouterLink(label.shortDisplay(), AddressView.class, label.address().toString());
        link.getElement().setAttribute("title", label.address().toString());
        return link;
    }

    static ResponsiveGrid<BlockRow> blockGrid(String id) {
        ResponsiveGrid<BlockRow> grid = new ResponsiveGrid<>();
        grid.setId(id);
        grid.component("Block", b -> blockLink(b.height()));
        grid.text("Time", b -> time(b.time()));
        grid.text("Transactions", b -> String.valueOf(b.transactions()));
        grid.text("Sealer", BlockRow::sealerNode);
        grid.text("Hash", b -> b.hash().shortHex() + "…");
        grid.setEmptyStateText("No blocks yet: the first is mined when the first transaction arrives.");
        grid.setAllRowsVisible(true);
        return grid;
    }

    static ResponsiveGrid<TxRow> txGrid(String id, String empty) {
        ResponsiveGrid<TxRow> grid = new ResponsiveGrid<>();
        grid.setId(id);
        grid.component("Transaction", t -> txLink(t.id()));
        grid.component("Block", t -> t.height() == null ? new Span("pending") : blockLink(t.height()));
        grid.component("From", t -> addressLink(t.sender()));
        grid.text("Call", TxRow::call);
        grid.text("Time", t -> time(t.time()));
        grid.setEmptyStateText(empty);
        grid.setAllRowsVisible(true);
        return grid;
    }

    static String time(Instant time) {
        return time == null ? "" : BrowserTime.format(time);
    }

    /** "1.2 s", "850 ms", "3 min 4 s". */
    static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** A label and a value on one line, the value in monospace when it is a hash or an address. */
    static Div field(String label, Component value) {
        Span name = new Span(label);
        name.getStyle().set("font-weight", "600").set("min-width", "9rem");
        Div line = new Div(name, value);
        line.addClassName("cl-explorer-field");
        line.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0 var(--lumo-space-m)");
        return line;
    }

    static Span mono(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        return span;
    }

    static FlexLayout header(Component title, ExplorerSearch search) {
        FlexLayout bar = new FlexLayout(title, searchField(search));
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexLayout.Alignment.CENTER);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        bar.setWidthFull();
        return bar;
    }
}
