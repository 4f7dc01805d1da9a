package io.kerberus.catalog.plugin.processing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes, to detect unchanged input and output cheaply. */
final class Hashes {

    private Hashes() {
    }

    /**
     * A 64-bit FNV-1a hash of the text, with its length: enough to tell an entity's versions apart
     * (a hash is only ever compared with the same entity's previous one) and far cheaper than SHA-256.
     */
    static String of(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return Long.toHexString(hash) + Integer.toHexString(text.length());
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
