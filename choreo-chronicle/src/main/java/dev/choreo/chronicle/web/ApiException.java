package dev.choreo.chronicle.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An API error with its status, a fixed title and a detail, rendered as an RFC 9457
 * problem.
 *
 * @author Choreo
 */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties;

	ApiException(HttpStatus status, String title, String detail) {
		this(status, title, detail, Map.of());
	}

	ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = properties;
	}

	HttpStatus status() {
		return this.status;
	}

	String title() {
		return this.title;
	}

	Map<String, Object> properties() {
		return this.properties;
	}

	static ApiException unauthorized(String detail) {
		return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

	static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, "Not Found", detail);
	}

	static ApiException unprocessable(String detail) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable Content", detail);
	}

}
