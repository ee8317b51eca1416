package io.ticketing.user.auth;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the user service signs access tokens.
 *
 * @param signingKeyFile a PEM (PKCS#8) RSA private key; every instance of the service must share it. Without one,
 *                       a key is made at start-up and tokens die with the process.
 * @param lifetime       how long an access token is valid
 */
@ConfigurationProperties("user.tokens")
public record TokenSettings(Path signingKeyFile, Duration lifetime) {

    public TokenSettings {
        if (signingKeyFile != null && signingKeyFile.toString().isBlank()) {
            signingKeyFile = null;
        }
        if (lifetime == null) {
            lifetime = Duration.ofHours(1);
        }
    }
}
