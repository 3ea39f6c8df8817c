package dev.choreo.chronicle.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's settings, its security headers and its session cookie.
 *
 * @author Choreo
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

	/**
	 * Scripts and styles from this server only, no inline script or handler, no request
	 * to another host.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
			+ " frame-ancestors 'none'";

	@Bean
	SecurityHeadersFilter dashboardSecurityHeadersFilter() {
		return new SecurityHeadersFilter();
	}

	@Bean
	CookieSameSiteSupplier dashboardSessionCookieSameSite() {
		return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
	}

	/**
	 * Adds the Content-Security-Policy and related headers to every response outside the
	 * API.
	 */
	static class SecurityHeadersFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Referrer-Policy", "no-referrer");
				response.setHeader("X-Frame-Options", "DENY");
			}
			chain.doFilter(request, response);
		}

	}

}
