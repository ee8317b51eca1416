package io.ticketing.support.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@AutoConfiguration(before = WebMvcAutoConfiguration.class, after = EventProcessingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(CommandProblemAdvice.class)
public class WebProblemsAutoConfiguration {

    /** Every service's projections park failing events in its own dead-letter queue; admins look and retry here. */
    @Bean
    @ConditionalOnBean(EventProcessingConfiguration.class)
    DeadLetterController deadLetterController(EventProcessingConfiguration processing) {
        return new DeadLetterController(processing);
    }
}
