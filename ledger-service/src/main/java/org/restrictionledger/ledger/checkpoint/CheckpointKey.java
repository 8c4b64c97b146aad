package org.restrictionledger.ledger.checkpoint;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.restrictionledger.events.checkpoint.Checkpoints;
import org.restrictionledger.ledger.config.CheckpointConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The ledger's checkpoint signing key, read from {@code ledger.checkpoints.key-file}, or created there on first use.
 * If the file can be neither read nor written (a read-only container without the Secret), a key for this process only
 * is used and a warning says that its checkpoints cannot be checked after a restart.
 */
@ApplicationScoped
public class CheckpointKey {

    private static final Logger LOG = Logger.getLogger(CheckpointKey.class);

    private final KeyPair keys;

    CheckpointKey(CheckpointConfig config) {
        this.keys = load(Path.of(config.keyFile()));
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static KeyPair load(Path file) {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                PrivateKey key = KeyFactory.getInstance(Checkpoints.ALGORITHM)
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim())));
                return new KeyPair(Checkpoints.publicKey(lines.get(1)), key);
            }
            KeyPair generated = KeyPairGenerator.getInstance(Checkpoints.ALGORITHM).generateKeyPair();
            try {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()) + "\n"
                        + Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()) + "\n",
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    LOG.debugf("no POSIX permissions on %s", file);
                }
                LOG.infof("created the checkpoint signing key %s in %s", Checkpoints.keyId(generated.getPublic()), file);
            } catch (IOException e) {
                LOG.warnf("cannot write the checkpoint key to %s (%s): this process signs with a key of its own, and "
                        + "its checkpoints cannot be checked after a restart; set ledger.checkpoints.key-file", file, e);
            }
            return generated;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot read the checkpoint key from " + file + ": " + e.getMessage(), e);
        }
    }
}
