package dev.choreo.junit.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void embedsTheJsonWithLessThanAndLineSeparatorsEscaped() throws Exception {
		ObjectNode test = ReportDocumentTests.test("a#t()", "failed");
		test.put("name", "</script><script>alert(1)</script> \u2028 \u2029 & >");
		String html = HtmlReport.render(ReportWriter.encode(ReportDocumentTests.document(List.of(test))));
		String data = between(html, "<script type=\"application/json\" id=\"choreo-results\">", "</script>");
		assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\u2029")
			.contains("\\u003c/script\\u003e", "\\u2028", "\\u2029", "\\u0026");
		assertThat(mapper.readTree(data).path("tests").path(0).path("name").asString())
			.isEqualTo("</script><script>alert(1)</script> \u2028 \u2029 & >");
		assertThat(count(html, "</script>")).isEqualTo(2);
	}

	@Test
	void neverUsesAnHtmlSinkOrCodeFromText() throws Exception {
		String js = resource("report.js");
		for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
				"new Function", "setTimeout(", "setInterval(")) {
			assertThat(js).as(sink).doesNotContain(sink);
		}
		assertThat(js).contains("createTextNode");
	}

	@Test
	void loadsNothingFromOutsideThePage() throws Exception {
		String html = HtmlReport.render(ReportWriter.encode(ReportDocumentTests.document(List.of())));
		assertThat(html).doesNotContainPattern("(?i)<(link|img|iframe|object|embed)\\b")
			.doesNotContainPattern("(?i)\\s(src|href)\\s*=")
			.doesNotContainPattern("(?i)@import|url\\(\\s*['\"]?(https?:|//)")
			.doesNotContainPattern("(?i)fetch\\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon");
	}

	@Test
	void allowsOnlyItsOwnStyleAndScriptByHash() throws Exception {
		String html = HtmlReport.render(ReportWriter.encode(ReportDocumentTests.document(List.of())));
		String csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
		assertThat(csp).startsWith("default-src 'none';").contains("connect-src 'none'");
		String script = between(html, "<script>", "</script>");
		String style = between(html, "<style>", "</style>");
		assertThat(csp).contains("script-src '" + sha256(script) + "'").contains("style-src '" + sha256(style) + "'");
	}

	@Test
	void scopesEveryCssRuleUnderTheRootClass() throws Exception {
		List<String> selectors = selectors(resource("report.css"));
		assertThat(selectors).isNotEmpty()
			.allSatisfy((selector) -> assertThat(selector.trim()).as(selector).startsWith(".choreo-report"));
	}

	@Test
	void writesTheReportAndThePage() throws Exception {
		ReportDirectory report = new ReportDirectory(this.directory);
		report.prepare();
		assertThat(ReportWriter.write(report, ReportDocumentTests.document(List.of()))).isNull();
		JsonNode written = ReportSchema.readValid(this.directory.resolve("results.json"));
		assertThat(written.path("tests").size()).isZero();
		assertThat(this.directory.resolve("index.html")).content().contains("id=\"choreo-results\"");
	}

	@Test
	void writesNothingOver10MiB() throws Exception {
		ReportDirectory report = new ReportDirectory(this.directory);
		report.prepare();
		List<ObjectNode> tests = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			ObjectNode test = ReportDocumentTests.test("a#t" + i + "()", "passed");
			test.put("stdout", "z".repeat(60 * 1024));
			tests.add(test);
		}
		String reason = ReportWriter.write(report, ReportDocumentTests.document(tests));
		assertThat(reason).contains("over the cap of 10485760 bytes");
		assertThat(this.directory.resolve("results.json")).doesNotExist();
		assertThat(this.directory.resolve("index.html")).doesNotExist();
	}

	private static List<String> selectors(String css) {
		String flat = css.replaceAll("(?s)/\\*.*?\\*/", "");
		List<String> selectors = new ArrayList<>();
		Matcher rule = Pattern.compile("([^{}]+)\\{").matcher(flat);
		while (rule.find()) {
			String prelude = rule.group(1).trim();
			if (prelude.startsWith("@media") || prelude.startsWith("@supports")) {
				continue;
			}
			for (String selector : prelude.split(",")) {
				selectors.add(selector);
			}
		}
		return selectors;
	}

	private static String resource(String name) throws Exception {
		try (InputStream in = HtmlReportTests.class.getClassLoader()
			.getResourceAsStream("META-INF/choreo/report/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static String sha256(String content) throws Exception {
		return "sha256-" + Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
	}

}
