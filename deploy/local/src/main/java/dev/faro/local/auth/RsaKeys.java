package dev.faro.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** An RSA key pair kept as two PEM files: {@code public.pem} (X.509) and {@code private.pem} (PKCS#8). */
public record RsaKeys(PublicKey publicKey, PrivateKey privateKey) {

    public static final String PUBLIC_FILE = "public.pem";
    public static final String PRIVATE_FILE = "private.pem";

    public static RsaKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RsaKeys(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Reads the pair from {@code directory}, generating and writing it first if it is not there. */
    public static RsaKeys loadOrCreate(Path directory) {
        Path publicFile = directory.resolve(PUBLIC_FILE);
        Path privateFile = directory.resolve(PRIVATE_FILE);
        if (Files.isRegularFile(publicFile) && Files.isRegularFile(privateFile)) {
            return new RsaKeys(readPublicKey(publicFile), readPrivateKey(privateFile));
        }
        RsaKeys keys = generate();
        keys.write(directory);
        return keys;
    }

    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PUBLIC_FILE), pem("PUBLIC KEY", publicKey.getEncoded()));
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Files.writeString(privateFile, pem("PRIVATE KEY", privateKey.getEncoded()));
            privateFile.toFile().setReadable(false, false);
            privateFile.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write keys to " + directory, e);
        }
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key: " + file, e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key: " + file, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN " + type + "-----");
            int end = text.indexOf("-----END " + type + "-----");
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(file + " holds no " + type + " PEM block");
            }
            String base64 = text.substring(begin + type.length() + 16, end).replaceAll("\\s", "");
            return Base64.getDecoder().decode(base64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
