package dev.faro.email.dkim;

import dev.faro.local.infra.FreePorts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The test's DKIM key pair (RSA-2048, made once per JVM) and the port of the SMTP server that receives the signed
 * mail. Kept in system properties: Quarkus loads a test profile and the test itself through different class
 * loaders, and each must see the same key and port.
 */
final class DkimTestKey {

    private static final String PREFIX = "faro.test.dkim.";
    // One object per JVM whatever the class loader: the lock every copy of this class shares.
    private static final String JVM_WIDE_LOCK = "dev.faro.email.dkim.DkimTestKey#generate";

    private DkimTestKey() {}

    /** The PKCS#8 private key as FARO_DKIM_PRIVATE_KEY takes it: base64, without the PEM lines. */
    static String privateKey() {
        return property("private-key");
    }

    /** The X.509 public key, base64, as the p= tag of a DNS record publishes it. */
    static String publicKey() {
        return property("public-key");
    }

    static int smtpPort() {
        return Integer.parseInt(property("smtp-port"));
    }

    private static String property(String name) {
        synchronized (JVM_WIDE_LOCK) {
            if (System.getProperty(PREFIX + "smtp-port") == null) {
                KeyPair pair = rsa2048();
                Base64.Encoder base64 = Base64.getEncoder();
                System.setProperty(
                        PREFIX + "private-key",
                        base64.encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(
                        PREFIX + "public-key",
                        base64.encodeToString(pair.getPublic().getEncoded()));
                System.setProperty(PREFIX + "smtp-port", String.valueOf(FreePorts.find()));
            }
            return System.getProperty(PREFIX + name);
        }
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
