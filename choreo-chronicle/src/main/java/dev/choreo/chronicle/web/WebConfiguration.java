package dev.choreo.chronicle.web;

import java.util.List;

import dev.choreo.chronicle.security.TokenService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the {@link CallerArgumentResolver}.
 *
 * @author Choreo
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final TokenService tokens;

	WebConfiguration(TokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver(this.tokens));
	}

}
