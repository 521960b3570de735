package org.careledger.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Objects;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A BIP-39 mnemonic sentence and the 64-byte seed it stands for.
 *
 * <p>The seed is PBKDF2-HMAC-SHA512 over the NFKD-normalised sentence, salted with
 * {@code "mnemonic" + NFKD(passphrase)}, 2048 iterations. Only seed derivation is implemented:
 * words are not checked against the BIP-39 word list and the checksum is not verified, so any
 * sentence is accepted and should come from a trusted source (here: the published Ganache
 * development mnemonic). The sentence is secret, so {@link #toString()} shows only its length.
 */
public final class Mnemonic {

    private static final int ITERATIONS = 2048;
    private static final int SEED_BITS = 512;

    private final String sentence;

    private Mnemonic(String sentence) {
        this.sentence = sentence;
    }

    /**
     * @throws IllegalArgumentException if {@code sentence} is blank
     */
    public static Mnemonic of(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("Mnemonic sentence is empty");
        }
        return new Mnemonic(Normalizer.normalize(sentence, Normalizer.Form.NFKD));
    }

    /** The BIP-39 seed with the given passphrase ({@code null} means the empty passphrase). */
    public byte[] toSeed(String passphrase) {
        String salt = "mnemonic" + Normalizer.normalize(passphrase == null ? "" : passphrase,
                Normalizer.Form.NFKD);
        PBEKeySpec spec = new PBEKeySpec(sentence.toCharArray(),
                salt.getBytes(StandardCharsets.UTF_8), ITERATIONS, SEED_BITS);
        try {
            // The JDK's PBKDF2 encodes the password characters as UTF-8, as BIP-39 requires.
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The seed with the empty passphrase. */
    public byte[] toSeed() {
        return toSeed("");
    }

    /** Number of words in the sentence. */
    public int wordCount() {
        return sentence.trim().split("\\s+").length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic other && sentence.equals(other.sentence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sentence);
    }

    /** {@code Mnemonic[12 words]}: never the words themselves. */
    @Override
    public String toString() {
        return "Mnemonic[" + wordCount() + " words]";
    }
}
