package dev.choreo.chronicle.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import dev.choreo.chronicle.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /api/v1/openapi}: bearer tokens, and the
 * {@link Caller} parameter (resolved from the Authorization header) left out of the
 * operations.
 *
 * @author Choreo
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI chronicleOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Choreo Chronicle API")
				.version("v1")
				.description("Test-report-v1 runs over time: runs, topics, latency percentiles, anomalies, events"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
