package org.careledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HdKeysTest {

    @Test
    void bip39SeedMatchesOfficialVectorWithPassphraseTrezor() {
        // BIP-39 reference vectors (trezor/python-mnemonic vectors.json), entropy 00..00
        Mnemonic mnemonic = Mnemonic.of("abandon abandon abandon abandon abandon abandon "
                + "abandon abandon abandon abandon abandon about");
        assertThat(Hashes.hex(mnemonic.toSeed("TREZOR"))).isEqualTo(
                "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e5349553"
                + "1f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
        assertThat(mnemonic.toString()).isEqualTo("Mnemonic[12 words]").doesNotContain("abandon");
    }

    @Test
    void bip39SeedNormalisesSentenceAndPassphraseToNfkd() {
        // "é" as one code point (NFC) and as e + combining acute (NFD) must give the same seed
        String composed = "caf\u00e9 caf\u00e9";
        String decomposed = "cafe\u0301 cafe\u0301";
        assertThat(Mnemonic.of(composed).toSeed("\u00e9")).isEqualTo(Mnemonic.of(decomposed).toSeed("e\u0301"));
        assertThat(Mnemonic.of(composed)).isEqualTo(Mnemonic.of(decomposed));
        assertThatThrownBy(() -> Mnemonic.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * BIP-32 test vectors 1, 2 and 3 (bips/bip-0032.mediawiki; same strings in bitcoin/bitcoin
     * src/test/bip32_tests.cpp). The expected private key is read out of the published xprv.
     */
    @ParameterizedTest
    @CsvSource({
        "000102030405060708090a0b0c0d0e0f, m, xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
        "000102030405060708090a0b0c0d0e0f, m/0', xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7",
        "000102030405060708090a0b0c0d0e0f, m/0'/1, xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs",
        "000102030405060708090a0b0c0d0e0f, m/0'/1/2', xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM",
        "000102030405060708090a0b0c0d0e0f, m/0'/1/2'/2, xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334",
        "000102030405060708090a0b0c0d0e0f, m/0'/1/2'/2/1000000000, xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76",
        "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542, m/0/2147483647h/1/2147483646h/2, xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j",
        "4b381541583be4423346c643850da4b320e46a87ae3d2a4e6da11eba819cd4acba45d239319ac14f863b8d5ab5a0d0c64d2e8a1e7d1457df2e5a3c51c73235be, m/0', xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHuCJ4GiRVLzkTXBAJMu2qaMWPrS7AANYqdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L"})
    void bip32DerivationMatchesOfficialTestVectors(String seed, String path, String xprv) {
        PrivateKey key = HdKeys.derive(Hashes.unhex(seed), path);
        assertThat(Hashes.hex(key.bytes())).isEqualTo(privateKeyOf(xprv));
    }

    @Test
    void bip32Vector1HardenedChildHasThePublishedKey() {
        // value quoted in the brief; equals the key inside xprv9uHRZZhk6KAJC1av... above
        assertThat(Hashes.hex(HdKeys.derive(Hashes.unhex("000102030405060708090a0b0c0d0e0f"), "m/0H").bytes()))
                .isEqualTo("edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea");
    }

    @Test
    void ganacheDeterministicAccountsHaveThePublishedKeysAndAddresses() {
        // ganache-cli -d / ganache --deterministic output; also listed in many dev setups
        // (e.g. wormhole DEVELOP.md, truffle migrations using "testrpc -d" accounts[0..3])
        List<PrivateKey> accounts = DevAccounts.ganacheAccounts(4);
        assertThat(accounts).extracting(key -> key.address().toString()).containsExactly(
                "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1",
                "0xFFcf8FDEE72ac11b5c542428B35EEF5769C409f0",
                "0x22d491Bde2303f2f43325b2108D26f1eAbA1e32b",
                "0xE11BA2b4D45Eaed5996Cd0823791E0C93114882d");
        assertThat(Hashes.hex(accounts.get(0).bytes()))
                .isEqualTo("4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d");
        assertThat(Hashes.hex(accounts.get(1).bytes()))
                .isEqualTo("6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1");
        assertThat(Hashes.hex(accounts.get(2).bytes()))
                .isEqualTo("6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c");
        assertThat(Hashes.hex(accounts.get(3).bytes()))
                .isEqualTo("646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913");
        assertThat(DevAccounts.ganacheAccount(3)).isEqualTo(accounts.get(3));
        assertThat(DevAccounts.ganacheAccounts(0)).isEmpty();
        assertThatThrownBy(() -> DevAccounts.ganacheAccount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedPathsAreRejected() {
        byte[] seed = new byte[16];
        for (String path : new String[] {"", "44'/60'", "m/", "m//0", "m/x", "m/-1", "m/2147483648", "m/1''", "M/0"}) {
            assertThatThrownBy(() -> HdKeys.derive(seed, path))
                    .as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HdKeys.derive(seed, "m/2147483647'")).isNotNull();
        assertThatThrownBy(() -> HdKeys.derive(new byte[15], "m")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The 32-byte key of a mainnet xprv: base58check payload = version 4 || depth 1 || parent 4 || child 4 || chain 32 || 00 || key 32. */
    private static String privateKeyOf(String xprv) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        BigInteger value = BigInteger.ZERO;
        for (char c : xprv.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
        }
        byte[] raw = BigIntegers.asUnsignedByteArray(82, value);
        byte[] payload = Arrays.copyOf(raw, 78);
        byte[] checksum = Arrays.copyOf(Hashes.sha256(Hashes.sha256(payload)), 4);
        assertThat(Arrays.copyOfRange(raw, 78, 82)).as("base58 checksum of " + xprv).isEqualTo(checksum);
        assertThat(payload[45]).isZero();
        return Hashes.hex(Arrays.copyOfRange(payload, 46, 78));
    }
}
