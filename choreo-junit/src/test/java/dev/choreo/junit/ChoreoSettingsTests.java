package dev.choreo.junit;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChoreoSettingsTests {

	@TempDir
	Path classPath;

	@Test
	void readsNestedAndDottedKeysFromChoreoYml() throws IOException {
		write("choreo.yml", """
				choreo:
				  default-timeout: 7s
				  kafka:
				    bootstrap-servers: [127.0.0.1:9092, 127.0.0.1:9093]
				choreo.nats.servers: nats://127.0.0.1:4222
				""");
		ChoreoSettings settings = load(List.of(), List.of(), Map.of(), Map.of());
		assertThat(settings.duration("choreo.default-timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(7));
		assertThat(settings.list("choreo.kafka.bootstrap-servers")).containsExactly("127.0.0.1:9092", "127.0.0.1:9093");
		assertThat(settings.list("choreo.nats.servers")).containsExactly("nats://127.0.0.1:4222");
		assertThat(settings.origin("choreo.nats.servers")).isEqualTo("choreo.yml");
	}

	@Test
	void readsNothingWithoutChoreoYml() {
		ChoreoSettings settings = load(List.of(), List.of(), Map.of(), Map.of());
		assertThat(settings.has("choreo.default-timeout")).isFalse();
		assertThat(settings.duration("choreo.default-timeout", Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void profileFilesOverrideChoreoYmlInTheOrderGiven() throws IOException {
		write("choreo.yml", "choreo: {default-timeout: 1s, subscribe-timeout: 1s, correlation: {field: id}}");
		write("choreo-ci.yml", "choreo: {default-timeout: 2s, subscribe-timeout: 2s}");
		write("choreo-slow.yml", "choreo: {default-timeout: 3s}");
		ChoreoSettings settings = load(List.of("ci", "slow"), List.of(), Map.of(), Map.of());
		assertThat(settings.string("choreo.default-timeout")).isEqualTo("3s");
		assertThat(settings.string("choreo.subscribe-timeout")).isEqualTo("2s");
		assertThat(settings.string("choreo.correlation.field")).isEqualTo("id");
		assertThat(settings.origin("choreo.default-timeout")).isEqualTo("choreo-slow.yml");
	}

	@Test
	void profilesCanComeFromTheEnvironmentAndConfigurationParameters() throws IOException {
		write("choreo-ci.yml", "choreo: {default-timeout: 2s}");
		write("choreo-slow.yml", "choreo: {subscribe-timeout: 3s}");
		ChoreoSettings settings = load(List.of(), List.of(), Map.of("CHOREO_PROFILES", "ci"),
				Map.of("choreo.profiles", "slow"));
		assertThat(settings.string("choreo.default-timeout")).isEqualTo("2s");
		assertThat(settings.string("choreo.subscribe-timeout")).isEqualTo("3s");
	}

	@Test
	void annotationPropertiesOverrideTheFiles() throws IOException {
		write("choreo.yml", "choreo: {default-timeout: 1s}");
		ChoreoSettings settings = load(List.of(),
				List.of("choreo.default-timeout = 4s", "choreo.nats.servers=nats://a:4222,nats://b:4222"), Map.of(),
				Map.of());
		assertThat(settings.string("choreo.default-timeout")).isEqualTo("4s");
		assertThat(settings.list("choreo.nats.servers")).containsExactly("nats://a:4222", "nats://b:4222");
		assertThat(settings.origin("choreo.default-timeout")).isEqualTo("@EnableChoreo(properties)");
	}

	@Test
	void environmentVariablesOverrideAnnotationPropertiesInEitherSpelling() {
		ChoreoSettings settings = load(List.of(), List.of("choreo.kafka.bootstrap-servers=127.0.0.1:1"),
				Map.of("CHOREO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:2", "CHOREO_DEFAULTTIMEOUT", "9s"), Map.of());
		assertThat(settings.string("choreo.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:2");
		assertThat(settings.string("choreo.default-timeout")).isEqualTo("9s");
		assertThat(settings.origin("choreo.kafka.bootstrap-servers"))
			.isEqualTo("the environment variable CHOREO_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void configurationParametersOverrideEnvironmentVariables() {
		ChoreoSettings settings = load(List.of(), List.of(), Map.of("CHOREO_REDIS_URL", "redis://127.0.0.1:1"),
				Map.of("choreo.redis.url", "redis://127.0.0.1:2"));
		assertThat(settings.string("choreo.redis.url")).isEqualTo("redis://127.0.0.1:2");
	}

	@Test
	void leavesOtherChoreoEnvironmentVariablesAlone() {
		ChoreoSettings settings = load(List.of(), List.of(),
				Map.of("CHOREO_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "CHOREO_NATS_URL", "nats://x:4222"), Map.of());
		assertThat(settings.has("choreo.kafka.bootstrap-servers")).isFalse();
		assertThat(settings.has("choreo.nats.servers")).isFalse();
	}

	@Test
	void readsCamelCaseAndSnakeCaseKeysAsKebabCase() throws IOException {
		write("choreo.yml", "choreo: {defaultTimeout: 2s, kafka: {bootstrap_servers: 127.0.0.1:9092}}");
		ChoreoSettings settings = load(List.of(), List.of(), Map.of(), Map.of());
		assertThat(settings.string("choreo.default-timeout")).isEqualTo("2s");
		assertThat(settings.string("choreo.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:9092");
	}

	@Test
	void keepsKafkaClientPropertiesAsWritten() throws IOException {
		write("choreo.yml", "choreo: {kafka: {properties: {sasl.mechanism: PLAIN, linger.ms: 5}}}");
		ChoreoSettings settings = load(List.of(), List.of(), Map.of(), Map.of());
		assertThat(settings.kafkaProperties()).containsExactly(Map.entry("sasl.mechanism", "PLAIN"),
				Map.entry("linger.ms", "5"));
	}

	@Test
	void anUnknownKeyNamesTheClosestOne() throws IOException {
		write("choreo.yml", "choreo: {kafka: {bootstrap-server: 127.0.0.1:9092}}");
		assertThatIllegalStateException().isThrownBy(() -> load(List.of(), List.of(), Map.of(), Map.of()))
			.withMessage("Unknown Choreo setting choreo.kafka.bootstrap-server in choreo.yml; did you mean"
					+ " choreo.kafka.bootstrap-servers? The settings are listed in the README of choreo-junit.");
	}

	@Test
	void aSpringBootPropertyNameNamesTheChoreoKey() throws IOException {
		write("choreo.yml", "spring: {rabbitmq: {host: 127.0.0.1}}");
		assertThatIllegalStateException().isThrownBy(() -> load(List.of(), List.of(), Map.of(), Map.of()))
			.withMessage("Unknown Choreo setting spring.rabbitmq.host in choreo.yml; did you mean"
					+ " choreo.rabbit.host? The settings are listed in the README of choreo-junit.");
	}

	@Test
	void anUnknownKeyFarFromAnyOtherSaysWhereTheKeysAreListed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(List.of(), List.of("choreo.weather=sunny"), Map.of(), Map.of()))
			.withMessage("Unknown Choreo setting choreo.weather in @EnableChoreo(properties)."
					+ " The settings are listed in the README of choreo-junit.");
	}

	@Test
	void aSpringOnlyKeySaysWhyItDoesNotApply() throws IOException {
		write("choreo.yml", "choreo: {stream: {binder: kafka}}");
		assertThatIllegalStateException().isThrownBy(() -> load(List.of(), List.of(), Map.of(), Map.of()))
			.withMessage("choreo.stream.binder (in choreo.yml) is about Spring Cloud Stream, which needs Spring;"
					+ " @EnableChoreo runs without an application context, so remove it");
	}

	@Test
	void aProfileWithoutItsFileIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> load(List.of("ci"), List.of(), Map.of(), Map.of()))
			.withMessage("The profile 'ci' needs choreo-ci.yml on the test class path (for example in"
					+ " src/test/resources), but there is none");
	}

	@Test
	void aPropertyWithoutAnEqualsSignIsAnError() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(List.of(), List.of("choreo.nats.servers"), Map.of(), Map.of()))
			.withMessage("@EnableChoreo(properties) takes key=value pairs, such as"
					+ " choreo.nats.servers=nats://127.0.0.1:4222; one has no key and '=' in it");
	}

	@Test
	void aFileThatIsNotAMapIsAnError() throws IOException {
		write("choreo.yml", "- one\n- two\n");
		assertThatIllegalStateException().isThrownBy(() -> load(List.of(), List.of(), Map.of(), Map.of()))
			.withMessage("choreo.yml must map keys to values, starting with choreo:");
	}

	@Test
	void durationsTakeSpringBootsFormats() {
		ChoreoSettings settings = load(List.of(), List.of("choreo.default-timeout=250", "choreo.subscribe-timeout=PT2S",
				"choreo.nats.connect-timeout=1m"), Map.of(), Map.of());
		assertThat(settings.duration("choreo.default-timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
		assertThat(settings.duration("choreo.subscribe-timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.duration("choreo.nats.connect-timeout", Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aValueOfTheWrongKindNamesTheKeyItsOriginAndWhatItTakes() {
		ChoreoSettings settings = load(List.of(), List.of("choreo.default-timeout=5 sec", "choreo.slow-fails=yes"),
				Map.of(), Map.of());
		assertThatIllegalStateException().isThrownBy(() -> settings.duration("choreo.default-timeout", Duration.ZERO))
			.withMessage("choreo.default-timeout (from @EnableChoreo(properties)) must be a positive duration, such as"
					+ " 5s, 500ms or PT5S, but is '5 sec'");
		assertThatIllegalStateException().isThrownBy(() -> settings.bool("choreo.slow-fails", true))
			.withMessage("choreo.slow-fails (from @EnableChoreo(properties)) must be true or false, but is 'yes'");
	}

	private ChoreoSettings load(List<String> profiles, List<String> properties, Map<String, String> environment,
			Map<String, String> parameters) {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.classPath.toUri().toURL() }, null)) {
			return ChoreoSettings.load(loader, profiles, properties, environment, parameters::get);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.classPath.resolve(name), text);
	}

}
