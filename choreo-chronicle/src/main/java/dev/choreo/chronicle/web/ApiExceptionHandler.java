package dev.choreo.chronicle.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.choreo.chronicle.events.SseHub;
import dev.choreo.chronicle.ingest.InvalidReportException;
import dev.choreo.chronicle.ingest.UnsupportedSchemaVersionException;
import dev.choreo.chronicle.security.TenantNames;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem ({@code application/problem+json}). Texts that
 * echo input are JSON strings, so a report's content can never become markup; the
 * responses also carry {@code X-Content-Type-Options: nosniff}.
 *
 * @author Choreo
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final URI TYPE_BASE = URI.create("https://choreo.dev/problems/");

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = problem(ex.status(), ex.title(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chronicle\"");
		}
		return respond(builder, problem);
	}

	@ExceptionHandler(InvalidReportException.class)
	ResponseEntity<ProblemDetail> invalidReport(InvalidReportException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid report",
				"The report does not match the test-report-v1 schema");
		problem.setType(TYPE_BASE.resolve("invalid-report"));
		problem.setProperty("violations", ex.getViolations());
		return respond(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT), problem);
	}

	@ExceptionHandler(UnsupportedSchemaVersionException.class)
	ResponseEntity<ProblemDetail> unsupportedVersion(UnsupportedSchemaVersionException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unsupported schema version",
				"Chronicle reads test-report-v1 reports: schema_version must start with \"1\"");
		problem.setType(TYPE_BASE.resolve("unsupported-schema-version"));
		problem.setProperty("schema_version", ex.getVersion());
		return respond(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT), problem);
	}

	@ExceptionHandler(TenantNames.InvalidTenantException.class)
	ResponseEntity<ProblemDetail> invalidTenant(TenantNames.InvalidTenantException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid tenant",
				"A tenant name is 2 to 64 characters of a-z, 0-9 and '-', starting and ending with a letter or digit");
		problem.setProperty("tenant", ex.getGiven());
		return respond(ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT), problem);
	}

	@ExceptionHandler(SseHub.TooManyConnectionsException.class)
	ResponseEntity<ProblemDetail> tooManyStreams(SseHub.TooManyConnectionsException ex) {
		return respond(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE),
				problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many event streams", ex.getMessage()));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		log.error("Request failed", ex);
		return respond(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR), problem(
				HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", "The request failed; see the server log"));
	}

	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ResponseEntity.BodyBuilder builder, ProblemDetail problem) {
		return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("X-Content-Type-Options", "nosniff")
			.body(problem);
	}

}
