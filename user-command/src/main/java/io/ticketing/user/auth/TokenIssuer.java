package io.ticketing.user.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.ticketing.support.security.PlatformTokens;
import io.ticketing.user.persistence.UserAccount;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens: the subject is the user's id, the {@code roles} claim what the user may do. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final RSAKey signingKey;
    private final TokenSettings settings;

    TokenIssuer(JwtEncoder encoder, RSAKey signingKey, TokenSettings settings) {
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.settings = settings;
    }

    AccessToken issueFor(UserAccount account) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(PlatformTokens.ISSUER)
                .subject(account.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.lifetime()))
                .claim("email", account.email())
                .claim(PlatformTokens.ROLES_CLAIM, List.of(account.role().name()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, "Bearer", settings.lifetime().toSeconds());
    }

    record AccessToken(String accessToken, String tokenType, long expiresIn) {}
}
