package org.careledger.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A proof bundle to download: the JSON that {@code ledger proof verify FILE} checks offline, and a QR
 * code of it when it fits in one (a QR code holds at most about 2,900 bytes at low error correction).
 *
 * @param qrPng the QR code as PNG, or null when the bundle is too large for one
 */
public record ProofDownload(String fileName, String json, byte[] qrPng) {

    static final int QR_CAPACITY = 2_900;
    /** The image's side: at least 4 pixels a module for the largest code (177 modules and the margin), so a scanner reads it. */
    static final int QR_PIXELS = 4 * 181;

    /** The download of bundle {@code json} under {@code fileName}, with its QR code when it fits (the explorer's downloads too). */
    public static ProofDownload of(String fileName, String json) {
        return new ProofDownload(fileName, json, qr(json));
    }

    public byte[] jsonBytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] qr(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > QR_CAPACITY) {
            return null;
        }
        try {
            var matrix = new QRCodeWriter().encode(json, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(MatrixToImageWriter.toBufferedImage(matrix), "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
