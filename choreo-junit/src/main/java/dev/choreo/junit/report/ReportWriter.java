package dev.choreo.junit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a merged report: {@code results.json}, then {@code index.html}; nothing at all
 * when the JSON is over the 10 MiB cap. A failure to render the page leaves the JSON
 * written.
 */
final class ReportWriter {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private ReportWriter() {
	}

	/**
	 * Write the report.
	 * @return why nothing was written, or {@code null}
	 */
	static @Nullable String write(ReportDirectory directory, ObjectNode document) throws IOException {
		byte[] json = encode(document);
		if (json.length > ReportDocument.MAX_BYTES) {
			return "the report would be " + json.length + " bytes, over the cap of " + ReportDocument.MAX_BYTES
					+ " bytes; neither results.json nor index.html was written";
		}
		AtomicFiles.write(directory.results(), json);
		try {
			AtomicFiles.write(directory.html(), HtmlReport.render(json).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException ex) {
			ReportLog.failed("rendering index.html (results.json was written)", ex);
		}
		ReportLog.written(directory.path().toString());
		return null;
	}

	static byte[] encode(ObjectNode document) {
		return mapper.writeValueAsBytes(document);
	}

}
