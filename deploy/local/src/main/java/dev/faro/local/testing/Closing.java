package dev.faro.local.testing;

/** Closes everything it is given, in order, even when some fail: shutdown must get as far as it can. */
final class Closing {

    private Closing() {}

    static void all(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Throwable e) {
                // At JVM exit the class loader may be gone; report and carry on with the rest.
                System.err.println("faro-local: could not stop " + resource + ": " + e);
            }
        }
    }
}
