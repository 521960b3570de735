package org.careledger.records;

import java.util.Arrays;

/**
 * A file attached to an entry: a PDF, PNG or JPEG judged by its content, at most
 * {@link EntryContent#MAX_ATTACHMENT_BYTES}. The name is only shown, never used as a path.
 */
public record Attachment(String name, String mediaType, byte[] bytes) {

    public Attachment {
        bytes = bytes == null ? null : bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    public int size() {
        return bytes == null ? 0 : bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && java.util.Objects.equals(name, a.name)
                && java.util.Objects.equals(mediaType, a.mediaType) && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, mediaType) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + mediaType + ", " + size() + " bytes]";
    }
}
