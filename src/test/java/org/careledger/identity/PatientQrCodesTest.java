package org.careledger.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.careledger.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientQrCodesTest extends IntegrationTest {

    private static final String PAYLOAD = "careledger:patient:0x[0-9a-fA-F]{40}\\?h=[0-9a-f]{64}&v=1";

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PatientQrCodes qrCodes;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result = new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.QR_CODE);
        return result.getText();
    }

    @Test
    void theDemoPatientsPayloadHoldsTheirAddressAndAFingerprint() {
        TestAccounts.signIn(DemoAccounts.PATIENT.username(), Role.PATIENT);
        String payload = qrCodes.myPayload();
        assertThat(payload).matches(PAYLOAD)
                .startsWith("careledger:patient:0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b?h=");
        assertThat(qrCodes.myPayload()).as("stable").isEqualTo(payload);
        // the fingerprint is 64 hex digits, which may spell a year by chance: look at the rest
        String withoutFingerprint = payload.replaceFirst("h=[0-9a-f]{64}", "h=");
        assertThat(withoutFingerprint).doesNotContain("Bupa", "NHS", "1988", "Zo");
        assertThat(payload).doesNotContain("1988-", "-1988");
    }

    @Test
    void thePngDecodesBackToThePayload() throws Exception {
        TestAccounts.signIn(DemoAccounts.PATIENT.username(), Role.PATIENT);
        String payload = qrCodes.myPayload();
        assertThat(decode(qrCodes.myPng())).isEqualTo(payload);
    }

    @Test
    void everyPatientsCodeReadsBackIncludingThoseWhoseStandardMaskZxingCannotFind() throws Exception {
        // ZXing's own choice of mask for this payload gave a code its detector does not find
        String once = SCHEME_EXAMPLE;
        assertThat(decode(PatientQrCodes.png(once))).isEqualTo(once);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 150; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            String payload = PatientQrCodes.SCHEME + org.careledger.crypto.Address.fromBytes(address) + "?h="
                    + java.util.HexFormat.of().formatHex(hash) + "&v=1";
            assertThat(decode(PatientQrCodes.png(payload))).as(payload).isEqualTo(payload);
        }
    }

    private static final String SCHEME_EXAMPLE = PatientQrCodes.SCHEME
            + "0x54Bb0b9D45439546500dF6eF93682195FcEC80aD?h=71136eee7ca23b21f239fafe37e4ad599ff34d6be381768bddb9ec480b09221c&v=1";

    @Test
    void twoPatientsWithTheSameDetailsGetDifferentFingerprints() {
        TestAccounts accounts = new TestAccounts(ctx);
        String name = TestAccounts.uniqueName("Twin");
        UserProfile a = accounts.registered(TestAccounts.patient(TestAccounts.uniqueEmail("twin"), name));
        UserProfile b = accounts.registered(TestAccounts.patient(TestAccounts.uniqueEmail("twin"), name));
        AccountAdministration admin = ctx.getBean(AccountAdministration.class);
        accounts.asAdmin(() -> admin.approve(a.id()));
        accounts.asAdmin(() -> admin.approve(b.id()));

        String pa = TestAccounts.as(a.username(), Role.PATIENT, qrCodes::myPayload);
        String pb = TestAccounts.as(b.username(), Role.PATIENT, qrCodes::myPayload);

        assertThat(pa).matches(PAYLOAD);
        assertThat(pb).matches(PAYLOAD);
        assertThat(pa.substring(pa.indexOf("?h="))).isNotEqualTo(pb.substring(pb.indexOf("?h=")));
    }

    @Test
    void aDoctorCannotAskForAPatientQrCode() {
        TestAccounts.signIn(DemoAccounts.DOCTOR.username(), Role.DOCTOR);
        assertThatThrownBy(() -> qrCodes.myPayload()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> qrCodes.myPng()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInCannotAskForAQrCode() {
        assertThatThrownBy(() -> qrCodes.myPayload()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
