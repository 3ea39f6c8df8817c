package dev.choreo.transport.kafka.internal;

import java.security.KeyStore;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.apache.kafka.common.security.auth.SslEngineFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates the Kafka clients' TLS engines from a ready-made {@link SSLContext}, verifying
 * the broker against a fixed host name when one is given. Kafka instantiates it by class
 * name, which is why it is public; it is not API.
 *
 * @since 0.1.0
 */
public final class ContextSslEngineFactory implements SslEngineFactory {

	/** The client property that carries the {@link SSLContext}. */
	public static final String CONTEXT = "choreo.ssl.context";

	/** The client property that carries the host name to verify, if any. */
	public static final String HOSTNAME = "choreo.ssl.hostname";

	private @Nullable SSLContext context;

	private @Nullable String hostname;

	/**
	 * Create a new instance; Kafka then calls {@link #configure(Map)}.
	 */
	public ContextSslEngineFactory() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
		Object context = configs.get(CONTEXT);
		if (!(context instanceof SSLContext sslContext)) {
			throw new IllegalArgumentException(CONTEXT + " must carry an SSLContext");
		}
		this.context = sslContext;
		Object hostname = configs.get(HOSTNAME);
		this.hostname = (hostname != null) ? hostname.toString() : null;
	}

	@Override
	public SSLEngine createClientSslEngine(String peerHost, int peerPort, @Nullable String endpointIdentification) {
		SSLContext context = this.context;
		if (context == null) {
			throw new IllegalStateException("ContextSslEngineFactory is not configured");
		}
		SSLEngine engine = context.createSSLEngine((this.hostname != null) ? this.hostname : peerHost, peerPort);
		engine.setUseClientMode(true);
		if (endpointIdentification != null && !endpointIdentification.isEmpty()) {
			SSLParameters parameters = engine.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm(endpointIdentification);
			engine.setSSLParameters(parameters);
		}
		return engine;
	}

	@Override
	public SSLEngine createServerSslEngine(String peerHost, int peerPort) {
		throw new UnsupportedOperationException("ContextSslEngineFactory only creates client engines");
	}

	@Override
	public boolean shouldBeRebuilt(Map<String, Object> nextConfigs) {
		return false;
	}

	@Override
	public Set<String> reconfigurableConfigs() {
		return Set.of();
	}

	@Override
	public @Nullable KeyStore keystore() {
		return null;
	}

	@Override
	public @Nullable KeyStore truststore() {
		return null;
	}

	@Override
	public void close() {
		this.context = null;
	}

}
