package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * Signed checkpoints of every stream's head ({@code CheckpointService}). Defaults: {@code application.properties}, the
 * one place for them (the scheduler's {@code ${ledger.checkpoints.interval}} reads the same value).
 */
@ConfigMapping(prefix = "ledger.checkpoints")
public interface CheckpointConfig {

    /**
     * The Ed25519 key pair: a file of two lines, the base64 PKCS#8 private key and the base64 X.509 public key. Created
     * with a new key when missing (local runs); in production mount it from a Secret ({@code LEDGER_CHECKPOINTS_KEY_FILE}).
     */
    String keyFile();

    /** How often a checkpoint is published on restrictions.checkpoints.v1 ({@code LEDGER_CHECKPOINTS_INTERVAL}). */
    Duration interval();
}
