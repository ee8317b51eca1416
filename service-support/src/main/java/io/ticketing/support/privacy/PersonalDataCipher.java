package io.ticketing.support.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM on one text value. The value is bound to its subject and field ({@code context}, the GCM additional
 * data): a ciphertext copied into another user's event or another field does not decrypt.
 */
final class PersonalDataCipher {

    /** Marks an encrypted value; a value without it was stored before encryption began. */
    static final String PREFIX = "{aes-gcm}";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {}

    static boolean isEncrypted(String value) {
        return value.startsWith(PREFIX);
    }

    static String encrypt(byte[] secret, String context, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, context, iv);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be encrypted", e);
        }
    }

    static String decrypt(byte[] secret, String context, String encrypted) {
        byte[] ivAndSealed = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, context, Arrays.copyOf(ivAndSealed, IV_BYTES));
            byte[] plain = cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data of " + context + " does not decrypt with its key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] secret, String context, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
