package org.careledger.pharmacy;

import java.util.Optional;

import org.careledger.ledger.Hash;
import org.careledger.wallet.InvoiceLineNames;
import org.springframework.stereotype.Component;

/**
 * Names a dispensing's invoice line in the wallet: the line's code is the medicine's RxNorm code,
 * and the catalogue knows its name. The payer is the patient, who may see their own medicines.
 */
@Component
class PharmacyInvoiceLines implements InvoiceLineNames {

    private final MedicineCatalogue catalogue;

    PharmacyInvoiceLines(MedicineCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<String> nameOf(String code, Hash reference) {
        return RxNormCode.tryParse(code).flatMap(catalogue::find).map(CatalogueMedicine::name);
    }
}
