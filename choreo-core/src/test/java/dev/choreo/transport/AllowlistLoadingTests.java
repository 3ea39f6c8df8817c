package dev.choreo.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for reading an {@link Allowlist} from YAML files and text.
 */
class AllowlistLoadingTests {

	@TempDir
	Path directory;

	@Test
	void loadReadsEveryCategory() throws IOException {
		Path file = write("""
				mock_endpoints: [memory]
				nats_servers: ["nats://nats.test:4222"]
				kafka_brokers:
				  - kafka-1.test:9092
				  - kafka-2.test:9092
				amqp_brokers: ["amqp://rabbit.test:5672"]
				redis_servers: ["redis://cache.test:6379"]
				""");
		Allowlist allowlist = Allowlist.load(file);
		assertThat(allowlist.get(EndpointCategory.MOCK)).containsExactly("memory");
		assertThat(allowlist.get(EndpointCategory.NATS)).containsExactly("nats://nats.test:4222");
		assertThat(allowlist.get(EndpointCategory.KAFKA)).containsExactly("kafka-1.test:9092", "kafka-2.test:9092");
		assertThat(allowlist.get(EndpointCategory.AMQP)).containsExactly("amqp://rabbit.test:5672");
		assertThat(allowlist.get(EndpointCategory.REDIS)).containsExactly("redis://cache.test:6379");
		assertThat(allowlist.source()).isEqualTo(file.toString());
		assertThat(allowlist.allowsLoopback()).isTrue();
	}

	@Test
	void unknownCategoriesAreIgnored() throws IOException {
		Allowlist allowlist = Allowlist.load(write("postgres_servers: [db.test]\nkafka_brokers: [k.test:9092]\n"));
		assertThat(allowlist.get(EndpointCategory.KAFKA)).containsExactly("k.test:9092");
		assertThat(allowlist.get(EndpointCategory.NATS)).isEmpty();
		assertThat(allowlist).hasToString("Allowlist[source=" + this.directory.resolve("allowlist.yaml")
				+ ", allowLoopback=true, kafka_brokers=1]");
	}

	@Test
	void emptyFileIsAnEmptyAllowlist() throws IOException {
		Path file = write("");
		Allowlist allowlist = Allowlist.load(file);
		assertThat(allowlist.allowsLoopback()).isTrue();
		assertThat(allowlist).hasToString("Allowlist[source=" + file + ", allowLoopback=true]");
	}

	@Test
	void fileWithOnlyCommentsIsAnEmptyAllowlist() {
		Allowlist allowlist = Allowlist.parse("# nothing allowed yet\n", "inline");
		assertThat(allowlist).hasToString("Allowlist[source=inline, allowLoopback=true]");
	}

	@Test
	void allowLoopbackIsRead() {
		Allowlist allowlist = Allowlist.parse("allow_loopback: false\n", "inline");
		assertThat(allowlist.allowsLoopback()).isFalse();
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.REDIS, "localhost:6379"))))
			.withMessageEndingWith("; loopback endpoints are refused because allow_loopback is false");
	}

	@Test
	void valuesAreTurnedIntoStrings() {
		Allowlist allowlist = Allowlist.parse("mock_endpoints: [42, 1.5, true, text]\n", "inline");
		assertThat(allowlist.get(EndpointCategory.MOCK)).containsExactly("42", "1.5", "true", "text");
	}

	@Test
	void refusalNamesTheEndpointAndTheFile() throws IOException {
		Path file = write("nats_servers: [\"nats://nats.test:4222\"]\n");
		Allowlist allowlist = Allowlist.load(file);
		assertThatNoException()
			.isThrownBy(() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://nats.test:4222"))));
		assertThatExceptionOfType(EndpointNotAllowedException.class)
			.isThrownBy(
					() -> allowlist.check(List.of(new Endpoint(EndpointCategory.NATS, "nats://prod.internal:4222"))))
			.withMessage("NATS server 'nats://prod.internal:4222' is not on the allowlist (source: " + file
					+ "); add it under 'nats_servers' if tests may use it");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "- kafka.test:9092 | list", "just text | string", "42 | number", "true | boolean" })
	void topLevelMustBeAMapping(String yaml, String type) {
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.parse(yaml, "inline"))
			.withMessage("inline: the top level must be a mapping of category to a list of endpoints, got " + type);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "kafka_brokers: kafka.test:9092 | string", "nats_servers: 4222 | number",
					"redis_servers: {host: cache.test} | mapping", "amqp_brokers: yes | boolean",
					"mock_endpoints: | null", "nats_servers: 1.5 | number", "nats_servers: !!binary aGk= | binary",
					"nats_servers: !!set {a} | set", "nats_servers: 2026-01-01 | timestamp" })
	void categoryValueMustBeAList(String yaml, String type) {
		String key = yaml.substring(0, yaml.indexOf(':'));
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.parse(yaml, "inline"))
			.withMessage("inline: the value of '" + key + "' must be a list, got " + type);
	}

	@Test
	void scalarCategoryValueInAFileNamesTheFile() throws IOException {
		Path file = write("kafka_brokers: kafka.test:9092\n");
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.load(file))
			.withMessage(file + ": the value of 'kafka_brokers' must be a list, got string");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "'nats_servers: [[a.test]]' | list at position 1",
			"'nats_servers: [a.test, ~]' | null at position 2", "'nats_servers: [{a: b}]' | mapping at position 1" })
	void entriesMustBeScalars(String yaml, String what) {
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.parse(yaml, "inline"))
			.withMessage("inline: the entries of 'nats_servers' must be strings, got " + what);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "allow_loopback: 'no' | string", "allow_loopback: | null", "allow_loopback: [true] | list" })
	void allowLoopbackMustBeTrueOrFalse(String yaml, String type) {
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.parse(yaml, "inline"))
			.withMessage("inline: the value of 'allow_loopback' must be true or false, got " + type);
	}

	@Test
	void invalidYamlNamesTheFileAndTheProblem() throws IOException {
		Path file = write("kafka_brokers: [a.test, b.test\n");
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.load(file))
			.withMessage(file + " is not valid YAML: expected ',' or ']', but got <stream end> (line 2, column 1)");
	}

	@Test
	void invalidYamlMessageDoesNotQuoteTheDocument() {
		String yaml = "amqp_brokers:\n\t- amqp://admin:s3cret@rabbit.test\n";
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.parse(yaml, "inline"))
			.withMessage("inline is not valid YAML: found character '\\t(TAB)' that cannot start any token. "
					+ "(Do not use \\t(TAB) for indentation) (line 2, column 1)");
	}

	@Test
	void duplicateCategoryIsRefused() {
		assertThatExceptionOfType(AllowlistConfigException.class)
			.isThrownBy(() -> Allowlist.parse("nats_servers: [a.test]\nnats_servers: [b.test]\n", "inline"))
			.withMessage("inline is not valid YAML: found duplicate key nats_servers (line 2, column 1)");
	}

	@Test
	void arbitraryTypesAreNeverConstructed() {
		assertThatExceptionOfType(AllowlistConfigException.class)
			.isThrownBy(() -> Allowlist.parse("nats_servers: !!javax.script.ScriptEngineManager [a]\n", "inline"))
			.withMessage("inline is not valid YAML: Global tag is not allowed: "
					+ "tag:yaml.org,2002:javax.script.ScriptEngineManager (line 1, column 15)");
	}

	@Test
	void missingFileIsReported() {
		Path file = this.directory.resolve("missing.yaml");
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.load(file))
			.withMessage("allowlist file " + file + " does not exist");
	}

	@Test
	void directoryIsReported() {
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.load(this.directory))
			.withMessage("allowlist file " + this.directory + " is a directory, not a file");
	}

	@Test
	void unreadableFileIsReported() throws IOException {
		Path file = this.directory.resolve("latin1.yaml");
		Files.write(file, "nats_servers: [caf\u00e9.test]\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(AllowlistConfigException.class).isThrownBy(() -> Allowlist.load(file))
			.withMessage("allowlist file " + file + " cannot be read (MalformedInputException)");
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(this.directory.resolve("allowlist.yaml"), yaml);
	}

}
