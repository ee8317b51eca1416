package io.ticketing.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

/** The RSA key the user service signs tokens with (RS256); its public half is published as a JWK set. */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    static RSAKey load(TokenSettings settings) {
        try {
            KeyPair keyPair = settings.signingKeyFile() == null ? generated() : fromPem(settings);
            return new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                    .privateKey(keyPair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot set up the token signing key", e);
        }
    }

    private static KeyPair generated() throws GeneralSecurityException {
        log.warn("No signing key file (JWT_SIGNING_KEY_FILE): tokens are signed with a key made now, valid until "
                + "this process stops, and only on this instance");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair fromPem(TokenSettings settings) throws GeneralSecurityException {
        try (var pem = Files.newInputStream(settings.signingKeyFile())) {
            RSAPrivateCrtKey privateKey =
                    (RSAPrivateCrtKey) RsaKeyConverters.pkcs8().convert(pem);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + settings.signingKeyFile(), e);
        }
    }
}
