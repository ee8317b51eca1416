package io.ticketing.support.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

@AutoConfiguration(
        before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        after = EventProcessingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({CommandProblemAdvice.class, ProblemErrorController.class, ProblemTraceId.class})
public class WebProblemsAutoConfiguration {

    /**
     * Numbers in request bodies are what they say: {@code 1.5} or {@code "2"} is no ticket count (Jackson would
     * read 1 and 2), and the problem names the field. Decimal amounts still take a string, as money often comes.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictWholeNumbers() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Integer)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /**
     * Right after Spring Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), before anything reads the
     * body: a refused request is still traced and its problem names its trace.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${platform.web.max-body-bytes:65536}") long maxBytes,
            ObjectMapper json,
            ProblemTraceId problemTraceId) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(maxBytes, json, problemTraceId));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Every service's projections park failing events in its own dead-letter queue; admins look and retry here. */
    @Bean
    @ConditionalOnBean(EventProcessingConfiguration.class)
    DeadLetterController deadLetterController(EventProcessingConfiguration processing) {
        return new DeadLetterController(processing);
    }
}
