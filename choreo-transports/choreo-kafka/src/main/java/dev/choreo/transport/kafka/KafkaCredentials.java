package dev.choreo.transport.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.choreo.auth.AuthException;
import dev.choreo.auth.KafkaAuth;
import dev.choreo.auth.Tls;
import dev.choreo.transport.kafka.internal.ContextSslEngineFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * Translates Kafka credentials into client properties, then clears them from the
 * descriptor. Secrets go into the properties as {@link Password} values, which Kafka
 * shows as {@code [hidden]}; they live only in the clients' configuration.
 */
final class KafkaCredentials {

	static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

	static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private KafkaCredentials() {
	}

	/**
	 * Return the client properties for the credentials and consume the descriptor.
	 */
	static Map<String, Object> properties(KafkaAuth auth) {
		try {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, auth.securityProtocol());
			if (auth.kind() != KafkaAuth.Kind.SSL) {
				sasl(auth, properties);
			}
			if (auth.hasTls()) {
				tls(auth.tls(), properties);
			}
			return properties;
		}
		finally {
			auth.consume();
		}
	}

	private static void sasl(KafkaAuth auth, Map<String, Object> properties) {
		String mechanism = auth.saslMechanism();
		String module = "PLAIN".equals(mechanism) ? PLAIN_LOGIN_MODULE : SCRAM_LOGIN_MODULE;
		char[] password = auth.password();
		try {
			properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
			properties.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(module + " required username=\""
					+ quoted(auth.user()) + "\" password=\"" + quoted(new String(password)) + "\";"));
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * Escape a value for a double-quoted JAAS option.
	 */
	static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static void tls(Tls tls, Map<String, Object> properties) {
		if (tls.sslContext() != null || tls.hostname() != null) {
			properties.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, ContextSslEngineFactory.class);
			properties.put(ContextSslEngineFactory.CONTEXT, tls.createSslContext());
			String hostname = tls.hostname();
			if (hostname != null) {
				properties.put(ContextSslEngineFactory.HOSTNAME, hostname);
			}
			return;
		}
		trust(tls, properties);
		key(tls, properties);
	}

	private static void trust(Tls tls, Map<String, Object> properties) {
		Path trustStore = tls.trustStorePath();
		Path caFile = tls.caFile();
		if (trustStore != null) {
			properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
			properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, tls.trustStoreType());
			properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, password(tls.trustStorePassword()));
		}
		else if (caFile != null) {
			properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
			properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caFile.toString());
		}
	}

	private static void key(Tls tls, Map<String, Object> properties) {
		Path keyStore = tls.keyStorePath();
		Path certificate = tls.certificateFile();
		Path privateKey = tls.privateKeyFile();
		if (keyStore != null) {
			properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyStore.toString());
			properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, tls.keyStoreType());
			properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, password(tls.keyStorePassword()));
			properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, password(tls.keyStorePassword()));
		}
		else if (certificate != null && privateKey != null) {
			properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
			properties.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, new Password(read(certificate)));
			properties.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, new Password(read(privateKey)));
		}
	}

	private static Password password(char @Nullable [] secret) {
		if (secret == null) {
			return new Password("");
		}
		try {
			return new Password(new String(secret));
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AuthException("Could not read the TLS file " + file + " (" + ex.getClass().getName() + ")");
		}
	}

}
