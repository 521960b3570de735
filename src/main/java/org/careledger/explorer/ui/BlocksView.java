package org.careledger.explorer.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.careledger.common.ui.ResponsiveGrid;
import org.careledger.common.ui.ServiceCalls;
import org.careledger.explorer.BlockRow;
import org.careledger.explorer.ChainExplorer;
import org.careledger.explorer.ExplorerSearch;
import org.careledger.identity.AppRoles;

/** Every block of the main chain, newest first, a page at a time. */
@Route("explorer/blocks")
@PageTitle("Blocks · CareLedger")
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
class BlocksView extends VerticalLayout {

    final ResponsiveGrid<BlockRow> grid = ExplorerUi.blockGrid("blocks");
    final Button newest = new Button("Newest");
    final Button older = new Button("Older");
    private final ChainExplorer explorer;
    private long olderFrom;

    BlocksView(ChainExplorer explorer, ExplorerSearch search) {
        this.explorer = explorer;
        setId("explorer-blocks");
        newest.setId("blocks-newest");
        newest.addClickListener(e -> show(null));
        older.setId("blocks-older");
        older.addClickListener(e -> show(olderFrom));
        add(ExplorerUi.header(new H2("Blocks"), search), grid, new HorizontalLayout(newest, older));
        show(null);
    }

    private void show(Long from) {
        ServiceCalls.attempt(() -> {
            List<BlockRow> page = explorer.blocks(from);
            grid.setItems(page);
            long last = page.isEmpty() ? 0 : page.get(page.size() - 1).height();
            olderFrom = last - 1;
            older.setEnabled(last > 0);
            newest.setEnabled(from != null);
        }, null);
    }
}
