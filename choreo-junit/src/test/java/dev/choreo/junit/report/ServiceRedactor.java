package dev.choreo.junit.report;

/**
 * A redactor registered as a service (see {@code META-INF/services}) in the tests.
 */
public class ServiceRedactor implements Redactor {

	@Override
	public String redact(String text) {
		return text.replace("SERVICE-SECRET", "<service-redacted>");
	}

	@Override
	public boolean isSecretKey(String key) {
		return "service_pin".equals(key);
	}

}
