package dev.choreo.chronicle.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import dev.choreo.chronicle.ChronicleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a request body up to {@code chronicle.max-body-size}: a declared Content-Length
 * above it is refused before reading, and a chunked body is refused as soon as it passes
 * the limit, so neither is ever held in memory whole.
 *
 * @author Choreo
 */
@Component
class BodyReader {

	private final long limit;

	BodyReader(ChronicleProperties properties) {
		this.limit = properties.getMaxBodySize().toBytes();
	}

	byte[] read(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			throw tooLarge();
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream((declared > 0) ? (int) declared : 8192);
		byte[] buffer = new byte[8192];
		InputStream in = request.getInputStream();
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > this.limit) {
				throw tooLarge();
			}
			body.write(buffer, 0, read);
		}
		return body.toByteArray();
	}

	private ApiException tooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
				"The report is larger than the limit of " + this.limit + " bytes (chronicle.max-body-size)");
	}

}
