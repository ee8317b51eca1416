package io.ticketing.user.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.user.auth.TokenIssuer.AccessToken;
import io.ticketing.user.persistence.CredentialStore;
import io.ticketing.user.persistence.UserAccount;
import io.ticketing.user.persistence.UserAccountRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

    private final UserAccountRepository accounts;
    private final CredentialStore credentialStore;
    private final PasswordEncoder passwordEncoder;
    private final TokenIssuer tokenIssuer;
    private final LoginThrottle loginThrottle;
    private final Map<String, Object> publicKeys;
    /** Compared against when the email is unknown, so that a wrong email takes as long as a wrong password. */
    private final String unknownUserHash;

    AuthController(
            UserAccountRepository accounts,
            CredentialStore credentialStore,
            PasswordEncoder passwordEncoder,
            TokenIssuer tokenIssuer,
            RSAKey signingKey,
            LoginThrottle loginThrottle) {
        this.accounts = accounts;
        this.credentialStore = credentialStore;
        this.passwordEncoder = passwordEncoder;
        this.tokenIssuer = tokenIssuer;
        this.loginThrottle = loginThrottle;
        this.publicKeys = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
        this.unknownUserHash = passwordEncoder.encode("no user has this password");
    }

    /**
     * The same 401 for an unknown email, a wrong password and a deactivated user: none of them is a hint. Too many
     * failures answer 429, even to the right password ({@link LoginThrottle}).
     */
    @PostMapping("/api/auth/token")
    @ApiResponse(
            responseCode = "200",
            description = "A bearer token",
            content = @Content(schema = @Schema(implementation = AccessToken.class)))
    @ApiResponse(responseCode = "401", description = "Wrong email or password")
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed logins",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds to wait",
                            schema = @Schema(type = "integer")))
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String email = credentials.email().toLowerCase(Locale.ROOT);
        LoginThrottle.Attempt attempt = loginThrottle.beginLogin(email, request.getRemoteAddr());
        Optional<UserAccount> account = accounts.findByEmail(email);
        boolean passwordMatches = passwordEncoder.matches(
                credentials.password(),
                account.flatMap(known -> credentialStore.passwordHashOf(new UserId(known.userId())))
                        .orElse(unknownUserHash));
        if (account.isEmpty() || !passwordMatches || !account.get().isActive()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong email or password."));
        }
        attempt.succeeded();
        AccessToken token = tokenIssuer.issueFor(account.get());
        return ResponseEntity.ok(token);
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> publicKeys() {
        return publicKeys;
    }

    record Credentials(@NotBlank String email, @NotBlank String password) {}
}
