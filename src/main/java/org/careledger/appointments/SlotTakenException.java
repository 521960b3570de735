package org.careledger.appointments;

import java.util.List;

import org.careledger.common.OperationNotAllowedException;

/** The slot a patient chose was just taken (here, or on the ledger); {@code nextFree} are the doctor's next free slots. */
public class SlotTakenException extends OperationNotAllowedException {

    private final transient List<Slot> nextFree;

    public SlotTakenException(List<Slot> nextFree) {
        super("This slot was just taken. Choose another one" + (nextFree.isEmpty() ? "." : ": the next free ones are shown."));
        this.nextFree = List.copyOf(nextFree);
    }

    public List<Slot> nextFree() {
        return nextFree;
    }
}
