package org.careledger.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.Optional;

import org.careledger.crypto.PrivateKey;
import org.careledger.crypto.PublicKey;
import org.careledger.crypto.Secp256k1;
import org.careledger.crypto.Signature;

/**
 * A node's signed record of its state at one block, so that a restart need not re-verify every
 * transaction before it: the node checks its own signature, that the block is in its store, and
 * that the restored state's root equals the one in that block's header. Blocks up to the checkpoint
 * are then checked for structure, work and sealer only; blocks after it in full.
 *
 * <p>File: {@code version u8, height i64, block hash, state root, snapshot (length-prefixed),
 * signature (r, s)}; the signature covers SHA-256 of a domain tag, the height, the block hash, the
 * state root and SHA-256 of the snapshot. Written to a temporary file, forced, then moved into place.
 */
public record Checkpoint(long height, Hash blockHash, Hash stateRoot, byte[] snapshot, Signature signature) {

    /** The file's name in the node's directory, {@code nodes/<node>/checkpoint.bin}. */
    public static final String FILE_NAME = "checkpoint.bin";

    private static final int VERSION = 1;
    private static final byte[] DOMAIN = "careledger/checkpoint/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_SNAPSHOT = 512 * 1024 * 1024;

    public Checkpoint {
        snapshot = snapshot.clone();
    }

    public static Checkpoint create(BlockHeader block, WorldState state, PrivateKey key) {
        byte[] snapshot = state.snapshot();
        Hash digest = digest(block.height(), block.hash(), state.root(), snapshot);
        return new Checkpoint(block.height(), block.hash(), state.root(), snapshot, Secp256k1.sign(key, digest.bytes()));
    }

    public boolean isSignedBy(PublicKey key) {
        return Secp256k1.verify(key, digest(height, blockHash, stateRoot, snapshot).bytes(), signature);
    }

    @Override
    public byte[] snapshot() {
        return snapshot.clone();
    }

    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(snapshot.length + 160);
        out.u8(VERSION).i64BigEndian(height).hash(blockHash).hash(stateRoot).bytes(snapshot);
        CompactSignature.write(out, signature);
        return out.toByteArray();
    }

    public static Checkpoint decode(byte[] bytes) {
        CanonicalReader in = new CanonicalReader(bytes);
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedEncodingException("Unknown checkpoint version " + version);
        }
        long height = in.i64BigEndian();
        Hash block = in.hash("block hash");
        Hash root = in.hash("state root");
        byte[] snapshot = in.bytes(MAX_SNAPSHOT, "snapshot");
        Signature signature = CompactSignature.read(in, "checkpoint signature");
        in.end();
        return new Checkpoint(height, block, root, snapshot, signature);
    }

    /** Writes atomically: a crash leaves the old checkpoint or the new one, never half of one. */
    public void writeTo(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), org.careledger.crypto.PrivateFiles.ownerOnlyFile())) {
            channel.write(java.nio.ByteBuffer.wrap(encode()));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The checkpoint in {@code file}, if there is one. */
    public static Optional<Checkpoint> readFrom(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(decode(Files.readAllBytes(file)));
    }

    private static Hash digest(long height, Hash block, Hash root, byte[] snapshot) {
        byte[] fields = new CanonicalWriter(80).i64BigEndian(height).hash(block).hash(root).toByteArray();
        return Hash.sha256(DOMAIN, fields, Hash.sha256(snapshot).bytes());
    }
}
