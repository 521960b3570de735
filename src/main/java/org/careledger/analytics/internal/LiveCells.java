package org.careledger.analytics.internal;

import java.util.Map;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;

/** The portal's own cells of a figure, as the read model keeps them, and a counter that moves when any of them changes. */
public interface LiveCells {

    Map<CellRef, Counts> cells(String figure);

    /** Grows each time the read model applies a change. */
    long version();
}
