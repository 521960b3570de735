package org.careledger.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.annotation.security.RolesAllowed;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.careledger.crypto.AesGcm;
import org.careledger.crypto.SaltedHash;
import org.careledger.identity.internal.PatientSalt;
import org.careledger.identity.internal.PatientSaltRepository;
import org.careledger.identity.internal.UserAccount;
import org.careledger.identity.internal.UserAccountRepository;
import org.careledger.install.MasterKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ConcurrentLruCache;

/**
 * A patient's QR code: {@code careledger:patient:<EIP-55 address>?h=<hex>&v=1}, where {@code h} is
 * the salted SHA-256 of the patient's registered health details in canonical form. The salt is
 * random per patient and kept encrypted, so the hash reveals nothing to someone who guesses the
 * details, yet lets the hospital check that the code belongs to the record it was issued for.
 */
@Service
public class PatientQrCodes {

    public static final String SCHEME = "careledger:patient:";
    private static final int PNG_SIZE = 320;
    /** The eight mask patterns of the QR standard, tried in turn if the chosen one does not read back. */
    private static final int QR_MASKS = 8;

    /**
     * Codes already rendered, by their text: a patient's home page shows theirs at every visit, and
     * rendering with its read-back took about 6 % of the request threads' CPU under the load test.
     * The text is what the page shows anyway; 256 codes of a few kilobytes each.
     */
    private static final ConcurrentLruCache<String, byte[]> RENDERED = new ConcurrentLruCache<>(256, PatientQrCodes::renderPng);

    private final UserAccountRepository accounts;
    private final PatientSaltRepository salts;
    private final KeyCustody custody;
    private final CurrentUser currentUser;
    private final MasterKey masterKey;

    PatientQrCodes(UserAccountRepository accounts, PatientSaltRepository salts, KeyCustody custody,
                   CurrentUser currentUser, MasterKey masterKey) {
        this.accounts = accounts;
        this.salts = salts;
        this.custody = custody;
        this.currentUser = currentUser;
        this.masterKey = masterKey;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void createSalt(UserId patient) {
        byte[] salt = SaltedHash.newSalt();
        salts.save(new PatientSalt(patient.value(), AesGcm.encrypt(masterKey.bytes(), salt, aad(patient))));
    }

    /** The signed-in patient's QR text. */
    @RolesAllowed(AppRoles.PATIENT)
    @Transactional(readOnly = true)
    public String myPayload() {
        return payload(currentUser.require().id());
    }

    /** The signed-in patient's QR code as a PNG image. */
    @RolesAllowed(AppRoles.PATIENT)
    @Transactional(readOnly = true)
    public byte[] myPng() {
        return png(myPayload());
    }

    String payload(UserId patient) {
        UserAccount account = accounts.findById(patient.value())
                .filter(a -> a.getRole() == Role.PATIENT)
                .orElseThrow(() -> new IllegalArgumentException(patient + " is not a patient"));
        org.careledger.crypto.Address address = custody.addressOf(patient)
                .orElseThrow(() -> new IllegalStateException(patient + " has no ledger address yet"));
        PatientSalt stored = salts.findById(patient.value())
                .orElseThrow(() -> new IllegalStateException(patient + " has no health-details salt"));
        byte[] salt = AesGcm.decrypt(masterKey.bytes(), stored.getEncryptedSalt(), aad(patient));
        String hash = SaltedHash.of(canonicalHealthDetails(account), salt).hex();
        return SCHEME + address + "?h=" + hash + "&v=1";
    }

    /** Name, date of birth, insurer and policy number, NFC-normalised, one per line, versioned. */
    static byte[] canonicalHealthDetails(UserAccount account) {
        String text = String.join("\n", "careledger-health-details/v1",
                account.getFullName(),
                String.valueOf(account.getDateOfBirth()),
                String.valueOf(account.getInsuranceProvider()),
                String.valueOf(account.getPolicyNumber()));
        return Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The QR code of {@code text} as a PNG, in a form a scanner reads back (a patient's code, a wallet's address). ZXing picks the mask by
     * the standard's penalty score, and for this payload (version 8) mask 2 gave, in about 1 of 50
     * patients, a code its own detector does not find or misreads, whatever the size or quiet zone, so
     * a doctor could not scan that patient. Each rendering is therefore read back (the reader's
     * search, not its perfect-image shortcut) and, if that fails, the next mask is tried.
     */
    public static byte[] png(String text) {
        return RENDERED.get(text).clone();
    }

    private static byte[] renderPng(String text) {
        BufferedImage image = render(text, null);
        for (int mask = 0; mask < QR_MASKS && !readsBack(image, text); mask++) {
            image = render(text, mask);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage render(String text, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 2);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, PNG_SIZE, PNG_SIZE, hints));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be encoded", e);
        }
    }

    private static boolean readsBack(BufferedImage image, String text) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return text.equals(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    private static byte[] aad(UserId patient) {
        return ("careledger:patient-salt:v1:" + patient.value()).getBytes(StandardCharsets.UTF_8);
    }
}
