package org.careledger.pharmacy;

import java.util.List;

import org.careledger.common.OperationNotAllowedException;

/**
 * The checks before signing found something (an allergy, a duplicate): the doctor may go on only by
 * typing a reason, which is kept with the prescription. Nothing was written.
 */
public class PrescriptionWarningsException extends OperationNotAllowedException {

    private final transient List<String> warnings;

    public PrescriptionWarningsException(List<String> warnings) {
        super("Before you sign: " + String.join("; ", warnings)
                + ". To prescribe it anyway, type your reason; it is kept with the prescription.");
        this.warnings = List.copyOf(warnings);
    }

    public List<String> warnings() {
        return warnings;
    }
}
