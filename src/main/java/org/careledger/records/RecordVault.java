package org.careledger.records;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.careledger.contracts.RecordCategory;
import org.careledger.crypto.AesGcm;
import org.careledger.crypto.DecryptionFailedException;
import org.careledger.crypto.KeyWrap;
import org.careledger.crypto.SaltedHash;
import org.careledger.identity.UserId;
import org.careledger.install.MasterKey;
import org.careledger.records.internal.PatientRecordKey;
import org.careledger.records.internal.PatientRecordKeyRepository;
import org.careledger.records.internal.PrivateText;
import org.careledger.records.internal.PrivateTextRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records module's envelope encryption. Three layers: the install's master key wraps each
 * patient's record key; the record key wraps each entry's own key and seals private texts; the
 * entry key seals (salt, canonical content) with AES-256-GCM. Every layer's associated data names
 * what it belongs to, so a sealed value copied to another row does not open.
 */
@Component
class RecordVault {

    private final PatientRecordKeyRepository patientKeys;
    private final PrivateTextRepository texts;
    private final MasterKey masterKey;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    RecordVault(PatientRecordKeyRepository patientKeys, PrivateTextRepository texts, MasterKey masterKey, Clock clock,
                PlatformTransactionManager transactions) {
        this.patientKeys = patientKeys;
        this.texts = texts;
        this.masterKey = masterKey;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An entry sealed for storage, with the salted hash the patient anchors. */
    record SealedEntry(byte[] wrappedKey, byte[] sealed, SaltedHash saltedHash) {
    }

    /** What opening an entry found: the content, and whether it still hashes to what was stored. */
    record OpenedEntry(EntryContent content, SaltedHash recomputed) {
    }

    SealedEntry seal(UserId patient, String entryId, long version, String patientAddress, RecordCategory category,
                     EntryContent content) {
        byte[] canonical = EntryCodec.canonical(category, content);
        byte[] salt = SaltedHash.newSalt();
        byte[] entryKey = AesGcm.newKey();
        try {
            byte[] plain = new byte[salt.length + canonical.length];
            System.arraycopy(salt, 0, plain, 0, salt.length);
            System.arraycopy(canonical, 0, plain, salt.length, canonical.length);
            byte[] sealed = AesGcm.encrypt(entryKey, plain, entryAad(entryId, version, patientAddress, category));
            Arrays.fill(plain, (byte) 0);
            byte[] wrapped = KeyWrap.wrap(patientKey(patient), entryKey, entryKeyPurpose(patient, entryId));
            return new SealedEntry(wrapped, sealed, SaltedHash.of(canonical, salt));
        } finally {
            Arrays.fill(entryKey, (byte) 0);
        }
    }

    /**
     * Opens a stored entry and re-hashes it.
     *
     * @throws DecryptionFailedException if a byte of key or content was changed
     */
    OpenedEntry open(UserId patient, String entryId, long version, String patientAddress, RecordCategory category,
                     byte[] wrappedKey, byte[] sealed) {
        try (Opening opening = opening(patient)) {
            return opening.open(entryId, version, patientAddress, category, wrappedKey, sealed);
        }
    }

    /** Opens any number of one patient's entries with the patient's key read and unwrapped once, wiped on close. */
    Opening opening(UserId patient) {
        return new Opening(patient);
    }

    /** One patient's key, unwrapped at the first entry opened and wiped on {@link #close()}. */
    final class Opening implements AutoCloseable {

        private final UserId patient;
        private byte[] patientKey;

        private Opening(UserId patient) {
            this.patient = patient;
        }

        OpenedEntry open(String entryId, long version, String patientAddress, RecordCategory category, byte[] wrappedKey, byte[] sealed) {
            if (patientKey == null) {
                patientKey = patientKey(patient);
            }
            return openWith(patientKey, patient, entryId, version, patientAddress, category, wrappedKey, sealed);
        }

        @Override
        public void close() {
            if (patientKey != null) {
                Arrays.fill(patientKey, (byte) 0);
            }
        }
    }

    private static OpenedEntry openWith(byte[] patientKey, UserId patient, String entryId, long version, String patientAddress,
                                        RecordCategory category, byte[] wrappedKey, byte[] sealed) {
        byte[] entryKey = KeyWrap.unwrap(patientKey, wrappedKey, entryKeyPurpose(patient, entryId));
        try {
            byte[] plain = AesGcm.decrypt(entryKey, sealed, entryAad(entryId, version, patientAddress, category));
            byte[] salt = Arrays.copyOfRange(plain, 0, SaltedHash.LENGTH);
            byte[] canonical = Arrays.copyOfRange(plain, SaltedHash.LENGTH, plain.length);
            Arrays.fill(plain, (byte) 0);
            return new OpenedEntry(EntryCodec.decode(category, canonical), SaltedHash.of(canonical, salt));
        } finally {
            Arrays.fill(entryKey, (byte) 0);
        }
    }

    /** Seals free text under the patient's key and returns its salted hash (what goes on chain). */
    SaltedHash sealText(UserId patient, String kind, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] salt = SaltedHash.newSalt();
        SaltedHash hash = SaltedHash.of(utf8, salt);
        byte[] plain = new byte[salt.length + utf8.length];
        System.arraycopy(salt, 0, plain, 0, salt.length);
        System.arraycopy(utf8, 0, plain, salt.length, utf8.length);
        byte[] sealed = AesGcm.encrypt(patientKey(patient), plain, textAad(patient, kind));
        texts.save(new PrivateText(hash.hex(), patient.value(), kind, sealed, Instant.now(clock)));
        return hash;
    }

    /** The text behind a salted hash, if this patient's vault has it and it still matches. */
    Optional<String> openText(UserId patient, String saltedHashHex) {
        return texts.findById(saltedHashHex).filter(t -> t.getPatientId() == patient.value()).map(t -> {
            byte[] plain = AesGcm.decrypt(patientKey(patient), t.getSealed(), textAad(patient, t.getKind()));
            byte[] salt = Arrays.copyOfRange(plain, 0, SaltedHash.LENGTH);
            byte[] utf8 = Arrays.copyOfRange(plain, SaltedHash.LENGTH, plain.length);
            if (!SaltedHash.of(utf8, salt).hex().equals(saltedHashHex)) {
                throw new DecryptionFailedException("A private text does not match its hash");
            }
            return new String(utf8, StandardCharsets.UTF_8);
        });
    }

    /** Seals a short comment kept beside an entry (a rejection comment, an erasure reason). */
    byte[] sealComment(UserId patient, String entryId, String purpose, String text) {
        return AesGcm.encrypt(patientKey(patient), text.getBytes(StandardCharsets.UTF_8),
                ("careledger:entry-comment:v1:" + patient.value() + ":" + entryId + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    String openComment(UserId patient, String entryId, String purpose, byte[] sealed) {
        return new String(AesGcm.decrypt(patientKey(patient), sealed,
                ("careledger:entry-comment:v1:" + patient.value() + ":" + entryId + ":" + purpose).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    /**
     * The patient's record key, created on first use. Two first uses at once (a doctor's first entry
     * while the patient books an appointment with a private reason; the demo's seeders at first start)
     * both found no key, and the one that stored second failed on the key's primary key and lost its
     * whole transaction. The key is now stored in a transaction of its own, committed at once; whoever
     * comes second finds the first's key (waiting for its commit, then refused as a duplicate) and
     * uses it. A key whose first use then rolls back stays, unused until the next one. This takes a
     * second connection once in a patient's life, never on a read of an existing record.
     */
    private byte[] patientKey(UserId patient) {
        String purpose = "careledger:record-key:v1:" + patient.value();
        Optional<PatientRecordKey> stored = patientKeys.findById(patient.value());
        if (stored.isEmpty()) {
            storeNewKey(patient, purpose);
            stored = patientKeys.findById(patient.value());
        }
        PatientRecordKey key = stored.orElseThrow(() -> new IllegalStateException("The record key of " + patient + " was stored but cannot be read"));
        return KeyWrap.unwrap(masterKey.bytes(), key.getWrappedKey(), purpose);
    }

    private void storeNewKey(UserId patient, String purpose) {
        byte[] key = AesGcm.newKey();
        try {
            ownTransaction.executeWithoutResult(s -> {
                if (!patientKeys.existsById(patient.value())) {
                    patientKeys.saveAndFlush(new PatientRecordKey(patient.value(), KeyWrap.wrap(masterKey.bytes(), key, purpose), Instant.now(clock)));
                }
            });
        } catch (DataIntegrityViolationException another) {
            // stored by another transaction in the meantime: theirs is the patient's key
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] entryAad(String entryId, long version, String patientAddress, RecordCategory category) {
        return ("careledger:entry:v1:" + entryId + ":" + version + ":" + patientAddress + ":" + category.name())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String entryKeyPurpose(UserId patient, String entryId) {
        return "careledger:entry-key:v1:" + patient.value() + ":" + entryId;
    }

    private static byte[] textAad(UserId patient, String kind) {
        return ("careledger:private-text:v1:" + patient.value() + ":" + kind).getBytes(StandardCharsets.UTF_8);
    }
}
