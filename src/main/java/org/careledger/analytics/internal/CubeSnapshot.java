package org.careledger.analytics.internal;

import java.util.Map;
import java.util.Set;
import org.careledger.analytics.cube.CellRef;
import org.careledger.analytics.cube.Counts;

/**
 * One figure's whole cube as of one moment — the synthetic history and the portal's own cells added
 * together — and the cells suppression hides in it. Immutable; a newer snapshot replaces it.
 *
 * @param liveVersion the figure's read-model version it was computed from
 * @param withHistory whether it holds the synthetic history's cells
 */
public record CubeSnapshot(String figure, Map<CellRef, Counts> cells, Set<CellRef> hidden, long liveVersion, boolean withHistory) {

    /** A cell's count to show, null when it is hidden, 0 when the cube has no such cell. */
    public Long shown(CellRef cell) {
        if (hidden.contains(cell)) {
            return null;
        }
        Counts c = cells.get(cell);
        return c == null ? 0L : c.events();
    }
}
