package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Signed checkpoints of every stream's head ({@code CheckpointService}). */
@ConfigMapping(prefix = "ledger.checkpoints")
public interface CheckpointConfig {

    /**
     * The Ed25519 key pair: a file of two lines, the base64 PKCS#8 private key and the base64 X.509 public key. Created
     * with a new key when missing (local runs); in production mount it from a Secret ({@code LEDGER_CHECKPOINTS_KEY_FILE}).
     */
    @WithDefault(".local-data/ledger/checkpoint-ed25519.key")
    String keyFile();

    /** How often a checkpoint is published on restrictions.checkpoints.v1 ({@code LEDGER_CHECKPOINTS_INTERVAL}). */
    @WithDefault("1h")
    Duration interval();
}
