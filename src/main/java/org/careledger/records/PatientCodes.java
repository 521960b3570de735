package org.careledger.records;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.careledger.crypto.Address;
import org.careledger.crypto.InvalidAddressException;
import org.careledger.identity.PatientQrCodes;

/**
 * Reads the patient a doctor means: from a photo or upload of the patient's QR code, from the
 * code's text, or from an address typed by hand. Every refusal is an
 * {@link InvalidPatientCodeException} whose message a person can act on; no image or barcode
 * library exception escapes.
 *
 * <p>Uploads are judged by their content, never by a name: only PNG and JPEG are read, at most
 * {@value #MAX_BYTES} bytes and {@value #MAX_PIXELS} pixels, the latter checked from the image
 * header before any pixel is decoded. Large images are decoded subsampled to at most
 * {@value #DECODE_SIDE} pixels a side, which bounds memory and still leaves a QR code that fills
 * a tenth of a photo several pixels per module.
 */
public final class PatientCodes {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    static final int DECODE_SIDE = 3000;

    /** What a doctor reads for an image over {@link #MAX_BYTES}, whether the browser or the server finds it. */
    public static final String TOO_LARGE = "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB, the most a QR code image may be";
    static final String NOT_PNG_OR_JPEG = "Upload a PNG or JPEG image of the QR code";
    static final String TOO_MANY_PIXELS = "The image has more than 40 megapixels";
    static final String NO_CODE = "No valid CareLedger QR code found";
    static final String TYPED_EMPTY = "Enter the patient's ledger address: 0x and 40 hexadecimal characters, "
            + "like 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";
    static final String TYPED_PREFIX = "A ledger address starts with 0x (a zero and a small x), then 40 hexadecimal characters";
    static final String TYPED_CHECKSUM = "The address's mix of capital and small letters does not match its checksum (EIP-55): "
            + "check for a mistyped letter";
    private static final int HEX_DIGITS = 40;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final Pattern PAYLOAD = Pattern.compile(
            Pattern.quote(PatientQrCodes.SCHEME) + "(0x[0-9a-fA-F]{40})\\?h=[0-9a-f]{64}&v=1");
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static final Map<DecodeHintType, Object> PURE = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.PURE_BARCODE, Boolean.TRUE);
    private static final List<Function<LuminanceSource, BinaryBitmap>> BINARIZERS = List.of(
            source -> new BinaryBitmap(new HybridBinarizer(source)),
            source -> new BinaryBitmap(new GlobalHistogramBinarizer(source)));

    private PatientCodes() {
    }

    /**
     * The patient whose QR code is in {@code bytes}, a PNG or JPEG image.
     *
     * @throws InvalidPatientCodeException if the image is too large, not PNG or JPEG, or holds no
     *                                     valid CareLedger patient code
     */
    public static Address fromUpload(byte[] bytes) {
        return fromPayload(textOfUpload(bytes));
    }

    /**
     * The text of the QR code in {@code bytes}, a PNG or JPEG image, under the same limits as a
     * patient's code (a prescription's QR code is read with this too).
     *
     * @throws InvalidPatientCodeException if the image is too large, not PNG or JPEG, or holds no QR code
     */
    public static String textOfUpload(byte[] bytes) {
        checkSize(bytes);
        String format = checkFormat(bytes);
        BufferedImage image = readImage(bytes, format);
        return decodeQr(image);
    }

    /**
     * The patient named by a QR code's text, {@code careledger:patient:<EIP-55 address>?h=<64 hex>&v=1}.
     * The address must be in its checksummed form, as the portal always writes it.
     *
     * @throws InvalidPatientCodeException if the text is anything else
     */
    public static Address fromPayload(String text) {
        Matcher matcher = PAYLOAD.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new InvalidPatientCodeException(NO_CODE);
        }
        String typed = matcher.group(1);
        try {
            Address address = Address.parse(typed);
            if (!address.toString().equals(typed)) {
                throw new InvalidPatientCodeException(NO_CODE);
            }
            return address;
        } catch (InvalidAddressException e) {
            throw new InvalidPatientCodeException(NO_CODE);
        }
    }

    /**
     * The patient whose address a doctor typed or pasted; white space anywhere is ignored. A pasted
     * QR code text is accepted too. As EIP-55 allows, all-lower-case and all-upper-case addresses
     * carry no checksum and are accepted; mixed case must match the checksum.
     *
     * @throws InvalidPatientCodeException with a message saying what to correct
     */
    public static Address fromTyped(String typed) {
        String text = withoutWhiteSpace(typed == null ? "" : typed);
        if (text.startsWith(PatientQrCodes.SCHEME)) {
            return fromPayload(text);
        }
        checkTypedShape(text);
        try {
            return Address.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidPatientCodeException(TYPED_CHECKSUM);
        }
    }

    /** One message per way a typed address can be malformed: empty, no 0x, too short or long, a character that is not hex. */
    private static void checkTypedShape(String text) {
        if (text.isEmpty()) {
            throw new InvalidPatientCodeException(TYPED_EMPTY);
        }
        if (!text.startsWith("0x")) {
            throw new InvalidPatientCodeException(TYPED_PREFIX);
        }
        String digits = text.substring(2);
        if (digits.length() < HEX_DIGITS) {
            throw new InvalidPatientCodeException("The address is too short: it has " + digits.length() + " characters after 0x, "
                    + "where " + HEX_DIGITS + " are expected");
        }
        if (digits.length() > HEX_DIGITS) {
            throw new InvalidPatientCodeException("The address is too long: it has " + digits.length() + " characters after 0x, "
                    + "where " + HEX_DIGITS + " are expected");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new InvalidPatientCodeException("The address is not hexadecimal: \"" + new String(Character.toChars(digits.codePointAt(i)))
                        + "\" (character " + (i + 3) + ") is not one of 0-9 and a-f");
            }
        }
    }

    private static void checkSize(byte[] bytes) {
        if (bytes != null && bytes.length > MAX_BYTES) {
            throw new InvalidPatientCodeException(TOO_LARGE);
        }
    }

    /** The ImageIO format name, judged by the leading magic bytes. */
    private static String checkFormat(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return "png";
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return "jpeg";
        }
        throw new InvalidPatientCodeException(NOT_PNG_OR_JPEG);
    }

    /** Checks the header's dimensions, then decodes, subsampled if the image is large. */
    private static BufferedImage readImage(byte[] bytes, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no " + format + " reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new InvalidPatientCodeException(NO_CODE);
            }
            if (width * height > MAX_PIXELS) {
                throw new InvalidPatientCodeException(TOO_MANY_PIXELS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) ((Math.max(width, height) + DECODE_SIDE - 1) / DECODE_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new InvalidPatientCodeException(NO_CODE);
            }
            return image;
        } catch (InvalidPatientCodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidPatientCodeException(NO_CODE);
        } finally {
            reader.dispose();
        }
    }

    /** The text of the QR code in {@code image}, trying a local binarizer first, then a global one. */
    private static String decodeQr(BufferedImage image) {
        LuminanceSource source;
        try {
            source = new BufferedImageLuminanceSource(image);
        } catch (RuntimeException e) {
            throw new InvalidPatientCodeException(NO_CODE);
        }
        try {
            // a code as CareLedger draws it (a proof bundle's, a patient's card) is read exactly as drawn
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), PURE).getText();
        } catch (ReaderException | RuntimeException e) {
            // a photo or a scan: look for it
        }
        for (Function<LuminanceSource, BinaryBitmap> binarizer : BINARIZERS) {
            try {
                return new QRCodeReader().decode(binarizer.apply(source), HINTS).getText();
            } catch (ReaderException | RuntimeException e) {
                // not found with this binarizer: try the next
            }
        }
        throw new InvalidPatientCodeException(NO_CODE);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes != null && bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String withoutWhiteSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
