package org.careledger.explorer;

import java.util.List;

/** A page of transactions, newest first, and the cursor of the next (older) page, or null at the end. */
public record TxPage(List<TxRow> items, String next) {
}
