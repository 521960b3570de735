package org.careledger.analytics.internal;

import java.util.Map;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;

/** The portal's own cells of a figure, as the read model keeps them, and a counter that moves when any of them changes. */
public interface LiveCells {

    Map<CellRef, Counts> cells(String figure);

    /** The figure's cells in one scope only (a doctor's own figure, whose scopes are not summed). */
    Map<CellRef, Counts> cells(String figure, String scope);

    /** Grows each time the read model applies a change. */
    long version();

    /** Grows each time the figure's cells change. */
    long version(String figure);
}
