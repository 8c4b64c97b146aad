package org.restrictionledger.infra;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A local RSA key that signs bearer tokens (JWS, RS256) for the embedded default ({@code ./run-local.sh}) and the
 * tests. The services only ever see the public half ({@link #publicKeyBase64()}, their {@code quarkus.oidc.public-key});
 * a production deployment uses an identity provider instead and never this class.
 */
public final class SigningKey {

    /** The issuer of local tokens: they name where they came from, so nobody mistakes one for a production token. */
    public static final String LOCAL_ISSUER = "restriction-ledger-local";

    private static final String PRIVATE_FILE = "jwt-signing-key.pem";
    private static final String PUBLIC_FILE = "jwt-public-key.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new 2048-bit RSA key pair, kept in memory only. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JVM", e);
        }
    }

    /** The key of a PKCS#8 private key in base64 (its public half is derived from it). */
    public static SigningKey ofPrivateKeyBase64(String pkcs8) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8)));
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new SigningKey(key, publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8: " + e.getMessage(), e);
        }
    }

    /**
     * The key kept in {@code folder} ({@value #PRIVATE_FILE}, readable by the owner only, and {@value #PUBLIC_FILE}),
     * created there when absent: a restart of run-local keeps its tokens valid.
     */
    public static SigningKey loadOrCreate(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_FILE);
        try {
            if (Files.exists(privateFile)) {
                return ofPrivateKeyBase64(Files.readString(privateFile)
                        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
            }
            SigningKey key = generate();
            Files.createDirectories(folder);
            Files.writeString(privateFile, "");
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            Files.writeString(privateFile, pem("PRIVATE KEY", key.privateKey.getEncoded()));
            Files.writeString(folder.resolve(PUBLIC_FILE), pem("PUBLIC KEY", key.publicKey.getEncoded()));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local signing key in " + folder, e);
        }
    }

    /** The public key as base64 X.509 (SubjectPublicKeyInfo) DER: the value of {@code quarkus.oidc.public-key}. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The private key as base64 PKCS#8, to hand the same key to another class loader of this JVM. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /**
     * A signed token for {@code subject} with these roles in its {@code groups} claim (as Quarkus reads them),
     * {@code preferred_username} = {@code name}, valid for {@code lifetime}.
     */
    public String token(String subject, String name, Duration lifetime, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(LOCAL_ISSUER);
        claims.setSubject(subject);
        claims.setClaim("preferred_username", name);
        claims.setStringListClaim("groups", roles);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        NumericDate expires = NumericDate.now();
        expires.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expires);
        return sign(claims);
    }

    /** Signs any claims (tests use it for expired or oddly shaped tokens). */
    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
