package org.careledger.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.careledger.contracts.RecordCategory;

/**
 * The canonical form of an entry's content, the input of its salted hash: a version tag, the
 * category, then each field as a presence flag and length-prefixed UTF-8 (or bytes). Deterministic:
 * the same content always gives the same bytes.
 */
final class EntryCodec {

    private static final String TAG = "careledger-entry/v1";

    private EntryCodec() {
    }

    static byte[] canonical(RecordCategory category, EntryContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (content.attachment() == null ? 0 : content.attachment().size()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, TAG);
            text(out, category.name());
            text(out, content.codeSystem());
            text(out, content.code());
            text(out, content.display());
            text(out, content.text());
            Attachment a = content.attachment();
            out.writeBoolean(a != null);
            if (a != null) {
                text(out, a.name());
                text(out, a.mediaType());
                byte[] data = a.bytes();
                out.writeInt(data.length);
                out.write(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static EntryContent decode(RecordCategory expected, byte[] canonical) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(canonical))) {
            if (!TAG.equals(text(in)) || !expected.name().equals(text(in))) {
                throw new IllegalStateException("Not an entry of category " + expected);
            }
            String system = text(in);
            String code = text(in);
            String display = text(in);
            String text = text(in);
            Attachment attachment = null;
            if (in.readBoolean()) {
                String name = text(in);
                String type = text(in);
                byte[] data = new byte[in.readInt()];
                in.readFully(data);
                attachment = new Attachment(name, type, data);
            }
            return new EntryContent(system, code, display, text, attachment);
        } catch (IOException e) {
            throw new IllegalStateException("Entry content is malformed", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > EntryContent.MAX_ATTACHMENT_BYTES) {
            throw new IOException("bad length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
