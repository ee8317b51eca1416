package io.ticketing.support.test;

import io.ticketing.support.security.PlatformSecurityAutoConfiguration;
import io.ticketing.support.web.WebProblemsAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice with the platform's security and problem details, as the services run them. Requests authenticate
 * with spring-security-test's {@code jwt()} post-processor; the revoked users are {@link InMemoryRevokedUsers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost/not-called-in-slices")
@ImportAutoConfiguration({PlatformSecurityAutoConfiguration.class, WebProblemsAutoConfiguration.class})
@Import(InMemoryRevokedUsers.class)
public @interface PlatformWebMvcTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
