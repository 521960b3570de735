package org.careledger.explorer;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.contracts.ProofSubjects;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Hash;
import org.careledger.ledger.ProofBundle;
import org.careledger.node.LedgerService;
import org.careledger.records.PatientCodes;
import org.springframework.stereotype.Service;

/**
 * Checks an uploaded proof bundle, as its JSON file or as a PNG or JPEG image of its QR code, exactly
 * as {@code ledger proof verify FILE --genesis} does against this install's genesis: the bundle's own
 * checks ({@link ProofBundle#verify}) and then that its subject says nothing its transaction does not
 * ({@link ProofSubjects#mismatch}). A bundle of another chain is invalid by rule chainId or genesis.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class ProofChecker {

    /** The largest upload: a bundle is a few kilobytes, a photo of its QR code a few megabytes. */
    public static final int MAX_BYTES = PatientCodes.MAX_BYTES;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final LedgerService ledger;

    ProofChecker(LedgerService ledger) {
        this.ledger = ledger;
    }

    /**
     * The verdict on {@code upload}.
     *
     * @throws InvalidInputException if nothing was uploaded, it is too large, or it is an image with
     *                               no QR code, or neither an image nor text
     */
    public ProofVerdict check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw InvalidInputException.of("file", "Upload a proof bundle: its JSON file, or an image of its QR code");
        }
        if (upload.length > MAX_BYTES) {
            throw InvalidInputException.of("file", PatientCodes.TOO_LARGE);
        }
        String json = startsWith(upload, PNG) || startsWith(upload, JPEG) ? PatientCodes.textOfUpload(upload) : text(upload);
        ProofBundle bundle;
        try {
            bundle = ProofBundle.fromJson(json);
        } catch (IllegalArgumentException e) {
            return invalid("encoding", "this is not a proof bundle: " + e.getMessage());
        }
        Hash genesis = ledger.headerAt(0).orElseThrow().hash();
        ProofBundle.Verdict verdict = bundle.verify(ledger.genesis(), genesis);
        if (!verdict.valid()) {
            return invalid(verdict.rule(), verdict.explanation());
        }
        Optional<String> wrongSubject = ProofSubjects.mismatch(bundle.subject(), bundle.decodedTransaction());
        if (wrongSubject.isPresent()) {
            return invalid("subject", wrongSubject.get());
        }
        return new ProofVerdict(true, null, null, verdict.height(), verdict.block(), bundle.subject());
    }

    private static ProofVerdict invalid(String rule, String explanation) {
        return new ProofVerdict(false, rule, explanation, null, null, Map.of());
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("file", "This file is neither a proof bundle's JSON nor a PNG or JPEG image of its QR code");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
