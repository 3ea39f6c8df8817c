package dev.choreo.junit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Renders {@code index.html}: one self-contained page, its style and script inline, the
 * report's JSON embedded as data ({@code <script type="application/json">}, with
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped so no payload can end the
 * element). A Content-Security-Policy allows only that style and script (by hash) and no
 * network access at all.
 */
final class HtmlReport {

	private static final String BASE = "META-INF/choreo/report/";

	private HtmlReport() {
	}

	static String render(byte[] json) throws IOException {
		String template = resource("index.html");
		String css = resource("report.css");
		String js = resource("report.js");
		String csp = "default-src 'none'; script-src '" + sha256(js) + "'; style-src '" + sha256(css)
				+ "'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";
		return template.replace("{{CSP}}", csp)
			.replace("{{CSS}}", css)
			.replace("{{JS}}", js)
			.replace("{{DATA}}", embed(new String(json, StandardCharsets.UTF_8)));
	}

	/**
	 * Escape JSON for a {@code <script type="application/json">} element.
	 */
	static String embed(String json) {
		StringBuilder out = new StringBuilder(json.length() + 64);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(BASE + name)) {
			if (in == null) {
				throw new IOException("missing resource " + BASE + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sha256(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return "sha256-" + Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
