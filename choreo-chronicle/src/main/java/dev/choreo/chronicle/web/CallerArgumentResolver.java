package dev.choreo.chronicle.web;

import org.jspecify.annotations.Nullable;

import dev.choreo.chronicle.security.Caller;
import dev.choreo.chronicle.security.TokenService;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} parameter from the {@code Authorization: Bearer} header: 401
 * without a known token. The token itself is never logged or echoed.
 *
 * @author Choreo
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final TokenService tokens;

	CallerArgumentResolver(TokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		String header = webRequest.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
			throw ApiException.unauthorized("This endpoint needs a token: Authorization: Bearer <token>");
		}
		return this.tokens.resolve(header.substring(7).trim())
			.orElseThrow(() -> ApiException.unauthorized("The token is not known or was revoked"));
	}

}
