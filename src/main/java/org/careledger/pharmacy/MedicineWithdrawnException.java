package org.careledger.pharmacy;

import org.careledger.common.OperationNotAllowedException;

/** A withdrawn medicine was asked for where only an available one will do, such as a new prescription. */
public class MedicineWithdrawnException extends OperationNotAllowedException {

    public MedicineWithdrawnException(CatalogueMedicine medicine) {
        super(medicine.name() + " (" + medicine.code().value() + ") was withdrawn from the catalogue and cannot be newly prescribed");
    }
}
