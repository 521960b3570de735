package org.careledger.records;

import java.util.Optional;

import org.careledger.crypto.Address;

/**
 * A whole-record export and import that another module offers on the record views (the FHIR module's
 * Bundle).
 * The views find it by this type, so the records module does not depend on the module that implements
 * it; each call goes through that module's services, which check who may export what.
 */
public interface RecordExchange {

    /** A file to download. */
    record ExportFile(String fileName, String mediaType, byte[] bytes) {

        public ExportFile {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** What the download is called on the page ("Download FHIR"). */
    String label();

    /** The signed-in patient's own record. */
    ExportFile exportMine();

    /**
     * The patient's record as the signed-in doctor may export it (what the doctor's access opens; the
     * export is a read on the ledger's audit).
     */
    ExportFile exportFor(Address patient);

    /** The largest file {@link #importMine} takes. */
    int maxImportBytes();

    /**
     * Imports a file into the signed-in patient's entries waiting for approval.
     *
     * @return what happened, in a sentence for the patient
     * @throws org.careledger.common.OperationNotAllowedException when the file is refused (nothing is stored then)
     */
    String importMine(String fileName, byte[] bytes);

    /** The export the install offers, if a module offers one. */
    static Optional<RecordExchange> of(org.springframework.beans.factory.ObjectProvider<RecordExchange> provider) {
        return Optional.ofNullable(provider.getIfAvailable());
    }
}
