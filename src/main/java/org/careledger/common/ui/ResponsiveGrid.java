package org.careledger.common.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;

/**
 * A grid whose rows a person can read and act on at any width, the portal's one way to show a list.
 *
 * <p>At laptop width every column takes a share of the width and its text wraps, so no name is cut
 * and the grid never needs a sideways scroll; the row's buttons sit in a column of their own width,
 * frozen to the right edge. Below {@value #NARROW_BELOW} px (a phone) the columns fold into one card
 * per row: the first column as the card's title, every other value under its header, the buttons last.
 * The width is read from the browser when the grid is shown and followed as the window is resized.
 *
 * <p>Columns are added with {@link #text}, {@link #component} and {@link #actions}, which the card
 * knows about; a column added with Grid's own methods appears only at laptop width. Every grid says
 * what it would hold when it is empty ({@link #setEmptyStateText}).
 */
public class ResponsiveGrid<T> extends Grid<T> {

    /** Narrower windows than this (in CSS pixels) get cards instead of columns. */
    public static final int NARROW_BELOW = 600;

    private final List<Field<T>> fields = new ArrayList<>();
    private final Column<T> cards;
    private boolean narrow;
    private Registration resize;

    public ResponsiveGrid() {
        super();
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        addClassName("cl-grid");
        cards = addComponentColumn(this::card).setHeader("").setKey("card").setFlexGrow(1);
        cards.setVisible(false);
    }

    /** A column of text that wraps; the first column added is the card's title on a phone. */
    public Column<T> text(String header, ValueProvider<T, String> value) {
        Column<T> column = addColumn(value).setHeader(header).setAutoWidth(false).setFlexGrow(1).setResizable(true);
        return remember(new Field<>(header, Kind.TEXT, value::apply, column));
    }

    /** A column showing a component (a badge, a link, a small layout) that wraps like text. */
    public Column<T> component(String header, ValueProvider<T, ? extends Component> value) {
        Column<T> column = addComponentColumn(value).setHeader(header).setAutoWidth(false).setFlexGrow(1).setResizable(true);
        return remember(new Field<>(header, Kind.COMPONENT, value::apply, column));
    }

    /** The row's buttons: as wide as they are, never scrolled out of sight; last on a phone's card. */
    public Column<T> actions(String header, ValueProvider<T, ? extends Component> value) {
        Column<T> column = addComponentColumn(value).setHeader(header).setAutoWidth(true).setFlexGrow(0);
        column.setFrozenToEnd(true);
        return remember(new Field<>(header, Kind.ACTIONS, value::apply, column));
    }

    private Column<T> remember(Field<T> field) {
        fields.add(field);
        field.column().setVisible(!narrow);
        return field.column();
    }

    /** Whether rows show as cards (a phone) rather than columns. */
    public boolean isNarrow() {
        return narrow;
    }

    /** Shows rows as cards ({@code true}) or as columns; normally set from the browser's width. */
    public void setNarrow(boolean narrow) {
        this.narrow = narrow;
        fields.forEach(f -> f.column().setVisible(!narrow));
        cards.setVisible(narrow);
        getElement().setAttribute("narrow", narrow);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> setNarrow(details.getWindowInnerWidth() < NARROW_BELOW));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> {
            boolean nowNarrow = e.getWidth() < NARROW_BELOW;
            if (nowNarrow != narrow) {
                setNarrow(nowNarrow);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        super.onDetach(detachEvent);
    }

    private Component card(T item) {
        Div card = new Div();
        card.addClassName("cl-grid-card");
        Div buttons = new Div();
        buttons.addClassName("cl-grid-card-actions");
        boolean first = true;
        for (Field<T> field : fields) {
            Object value = field.value().apply(item);
            if (field.kind() == Kind.ACTIONS) {
                if (value instanceof Component c) {
                    buttons.add(c);
                }
                continue;
            }
            if (value == null || (value instanceof String s && s.isBlank())) {
                first = false;
                continue;
            }
            Component shown = value instanceof Component c ? c : new Span(value.toString());
            Div line = new Div();
            if (first) {
                line.addClassName("cl-grid-card-title");
                line.add(shown);
            } else {
                Span label = new Span(field.header());
                label.addClassName("cl-grid-card-label");
                line.add(label, shown);
            }
            card.add(line);
            first = false;
        }
        if (buttons.getChildren().findAny().isPresent()) {
            card.add(buttons);
        }
        return card;
    }

    private enum Kind { TEXT, COMPONENT, ACTIONS }

    private record Field<T>(String header, Kind kind, ValueProvider<T, Object> value, Column<T> column) {
    }
}
