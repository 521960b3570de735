package org.careledger.records;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.careledger.crypto.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careledger.Generators.byteArrays;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

class PatientCodesTest {

    /** Dev account 0. */
    private static final String ADDRESS = "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";
    private static final String PAYLOAD = "careledger:patient:" + ADDRESS + "?h=" + "3fa9".repeat(16) + "&v=1";

    // --- uploads ---

    @Test
    void aQrCodePngDecodesToThePatientsAddress() throws IOException {
        assertThat(PatientCodes.fromUpload(png(qr(PAYLOAD, 320)))).isEqualTo(Address.parse(ADDRESS));
    }

    @Test
    void aQrCodeJpegDecodesToThePatientsAddress() throws IOException {
        assertThat(PatientCodes.fromUpload(jpeg(qr(PAYLOAD, 320), 0.9f))).isEqualTo(Address.parse(ADDRESS));
    }

    @Test
    void aPhotoOfTheCodeSmallTiltedOnANoisyBackgroundIsRead() throws IOException {
        assertThat(PatientCodes.fromUpload(jpeg(photo(qr(PAYLOAD, 260)), 0.7f))).isEqualTo(Address.parse(ADDRESS));
    }

    @Test
    void proofBundlesUpToWhatAQrCodeHoldsAreReadBackFromTheirPng() {
        // the explorer's proof QR: bundles of every size up to the capacity limit (a version-40 code)
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            int size = 400 + random.nextInt(ProofDownload.QR_CAPACITY - 400);
            StringBuilder json = new StringBuilder("{\"proof\":\"");
            while (json.length() < size - 2) {
                json.append(random.nextInt(4) == 0 ? "\",\"" + "0x" : Integer.toHexString(random.nextInt(16)));
            }
            json.append("\"}");
            ProofDownload download = ProofDownload.of("proof.json", json.toString());
            assertThat(download.qrPng()).as("%d bytes fit one code", size).isNotNull();
            assertThat(PatientCodes.textOfUpload(download.qrPng())).as("%d bytes", size).isEqualTo(json.toString());
        }
    }

    @Test
    void aGifOrPdfIsRefusedByItsContent() throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(qr(PAYLOAD, 320), "gif", gif);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

        assertRefusedUpload(gif.toByteArray(), PatientCodes.NOT_PNG_OR_JPEG);
        assertRefusedUpload(pdf, PatientCodes.NOT_PNG_OR_JPEG);
        assertRefusedUpload(new byte[0], PatientCodes.NOT_PNG_OR_JPEG);
        assertRefusedUpload(null, PatientCodes.NOT_PNG_OR_JPEG);
        assertThat(PatientCodes.NOT_PNG_OR_JPEG).isEqualTo("Upload a PNG or JPEG image of the QR code");
    }

    @Test
    void anUploadOverFiveMegabytesIsRefusedBeforeItIsLookedAt() throws IOException {
        byte[] png = png(qr(PAYLOAD, 320));
        byte[] tooBig = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);

        assertRefusedUpload(tooBig, "The file is larger than 5 MB, the most a QR code image may be");
    }

    @Test
    void anImageOfMoreThanFortyMegapixelsIsRefusedFromItsHeaderAlone() {
        byte[] png = pngWithHeaderOnly(8000, 6000); // 48 MP of RGBA would be 192 MB of pixels

        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertRefusedUpload(png, "The image has more than 40 megapixels"));
    }

    @Test
    void aTruncatedPngHoldsNoCode() throws IOException {
        byte[] png = png(qr(PAYLOAD, 320));

        assertRefusedUpload(Arrays.copyOf(png, png.length / 2), "No valid CareLedger QR code found");
        assertRefusedUpload(Arrays.copyOf(png, 8), PatientCodes.NO_CODE);
    }

    @Test
    void aQrCodeThatIsNotAPatientCodeIsRefused() throws IOException {
        assertRefusedUpload(png(qr("https://example.com", 320)), PatientCodes.NO_CODE);
    }

    @Test
    void aQrCodeWhoseAddressChecksumIsBrokenIsRefused() throws IOException {
        String broken = PAYLOAD.replace("0x90F8", "0x90f8");

        assertRefusedUpload(png(qr(broken, 320)), PatientCodes.NO_CODE);
    }

    @Test
    void anImageWithoutACodeIsRefused() throws IOException {
        assertRefusedUpload(jpeg(photo(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB)), 0.7f),
                PatientCodes.NO_CODE);
    }

    @Test
    void anyBytesAreEitherACodeOrARefusalNeverAnotherException() {
        qt().withExamples(200)
                .forAll(byteArrays(0, 600), integers().between(0, 2))
                .checkAssert((bytes, prefix) -> {
                    byte[] upload = switch (prefix) {
                        case 0 -> bytes;
                        case 1 -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, bytes);
                        default -> concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, bytes);
                    };
                    try {
                        PatientCodes.fromUpload(upload);
                    } catch (InvalidPatientCodeException expected) {
                        assertThat(expected.fieldErrors()).containsKey("patientCode");
                    }
                });
    }

    // --- payload text ---

    @Test
    void thePayloadTextNamesThePatient() {
        assertThat(PatientCodes.fromPayload(PAYLOAD)).isEqualTo(Address.parse(ADDRESS));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "careledger:doctor:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1?h=3fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa9&v=1",
        "careledger:patient:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1?h=3fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa9&v=2",
        "careledger:patient:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1?h=3fa9&v=1",
        "careledger:patient:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1?h=3FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA93FA9&v=1",
        "careledger:patient:0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1?h=3fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa9&v=1",
        "careledger:patient:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
        "CARELEDGER:patient:0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1?h=3fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa93fa9&v=1",
        ""})
    void anyOtherTextIsNotAPatientCode(String text) {
        assertThatThrownBy(() -> PatientCodes.fromPayload(text))
                .isInstanceOfSatisfying(InvalidPatientCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo("No valid CareLedger QR code found"));
    }

    // --- typed addresses ---

    @ParameterizedTest
    @ValueSource(strings = {
        "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
        "0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1",
        "0x90F8BF6A479F320EAD074411A4B0E7944EA8C9C1",
        "  0x90F8 bf6A 479f 320e ad07 4411 a4B0 e794 4Ea8 c9C1\n"})
    void aTypedAddressIsAcceptedWithOrWithoutItsChecksumCase(String typed) {
        assertThat(PatientCodes.fromTyped(typed)).isEqualTo(Address.parse(ADDRESS));
    }

    @Test
    void aPastedQrCodeTextIsAcceptedWhereAnAddressIsTyped() {
        assertThat(PatientCodes.fromTyped(" " + PAYLOAD + " ")).isEqualTo(Address.parse(ADDRESS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                              | Enter the patient's ledger address: 0x and 40 hexadecimal characters, like 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
        "'   '                                           | Enter the patient's ledger address: 0x and 40 hexadecimal characters, like 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
        "90F8bf6A479f320ead074411a4B0e7944Ea8c9C1        | A ledger address starts with 0x (a zero and a small x), then 40 hexadecimal characters",
        "0X90F8bf6A479f320ead074411a4B0e7944Ea8c9C1      | A ledger address starts with 0x (a zero and a small x), then 40 hexadecimal characters",
        "0x1234                                          | The address is too short: it has 4 characters after 0x, where 40 are expected",
        "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C       | The address is too short: it has 39 characters after 0x, where 40 are expected",
        "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1a     | The address is too long: it has 41 characters after 0x, where 40 are expected",
        "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9G1      | The address is not hexadecimal: \"G\" (character 41) is not one of 0-9 and a-f",
        "0xO0F8bf6A479f320ead074411a4B0e7944Ea8c9C1      | The address is not hexadecimal: \"O\" (character 3) is not one of 0-9 and a-f"})
    void aTypedTextOfTheWrongShapeIsToldExactlyWhatIsWrong(String typed, String message) {
        assertThatThrownBy(() -> PatientCodes.fromTyped(typed))
                .isInstanceOfSatisfying(InvalidPatientCodeException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("patientCode");
                    assertThat(e.reason()).isEqualTo(message);
                });
    }

    @Test
    void aTypingErrorInAChecksummedAddressIsCaught() {
        assertThatThrownBy(() -> PatientCodes.fromTyped("0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C2"))
                .isInstanceOfSatisfying(InvalidPatientCodeException.class, e -> assertThat(e.reason())
                        .isEqualTo("The address's mix of capital and small letters does not match its checksum (EIP-55): "
                                + "check for a mistyped letter"));
        assertThatThrownBy(() -> PatientCodes.fromTyped(null)).isInstanceOf(InvalidPatientCodeException.class);
    }

    // --- helpers ---

    private static void assertRefusedUpload(byte[] bytes, String message) {
        assertThatThrownBy(() -> PatientCodes.fromUpload(bytes))
                .isInstanceOfSatisfying(InvalidPatientCodeException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("patientCode");
                    assertThat(e.reason()).isEqualTo(message);
                });
    }

    private static BufferedImage qr(String text, int size) {
        try {
            return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE,
                    size, size, Map.of(EncodeHintType.MARGIN, 2)));
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code code} drawn at 60% on a grey, noisy 900x700 background, tilted by 7 degrees. */
    private static BufferedImage photo(BufferedImage code) {
        BufferedImage photo = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(20251124);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int grey = Math.max(0, Math.min(255, 150 + (int) (random.nextGaussian() * 25)));
                photo.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(7), 450, 350);
        int side = code.getWidth() * 6 / 10;
        g.drawImage(code, 330, 250, side, side, null);
        g.dispose();
        return photo;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code width x height} RGBA pixels, followed by a token IDAT. */
    private static byte[] pngWithHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] idat = {0x78, (byte) 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01};
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                chunk("IHDR", ihdr.array()), chunk("IDAT", idat), chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
