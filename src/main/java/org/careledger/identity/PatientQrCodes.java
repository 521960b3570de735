package org.careledger.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.annotation.security.RolesAllowed;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
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
        String address = custody.addressOf(patient)
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

    static byte[] png(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, PNG_SIZE, PNG_SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] aad(UserId patient) {
        return ("careledger:patient-salt:v1:" + patient.value()).getBytes(StandardCharsets.UTF_8);
    }
}
