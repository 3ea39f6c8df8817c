package dev.choreo.chronicle.ingest;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSchemaTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final ReportSchema schema = new ReportSchema(mapper);

	@Test
	void acceptsTheReportChoreoJunitWrites() {
		assertThat(this.schema.validate(sample())).isEmpty();
	}

	@Test
	void acceptsPropertiesItDoesNotKnowAnywhere() {
		ObjectNode report = sample();
		report.put("run_key", "ci-1");
		((ObjectNode) report.get("run")).putObject("build_tool").put("name", "maven");
		((ObjectNode) report.get("tests").get(0).get("scenarios").get(0).get("handles").get(0)).put("labels", "x");
		assertThat(this.schema.validate(report)).isEmpty();
	}

	@Test
	void leavesTheVersionCheckToTheIngest() {
		ObjectNode report = sample();
		report.put("schema_version", "1.4");
		assertThat(this.schema.validate(report)).isEmpty();
	}

	@Test
	void reportsWhereAReportIsWrong() {
		ObjectNode report = sample();
		((ObjectNode) report.get("tests").get(0)).put("outcome", "exploded");
		((ObjectNode) report.get("run")).remove("finished_at");
		assertThat(this.schema.validate(report)).hasSize(2)
			.anySatisfy((violation) -> assertThat(violation).contains("/tests/0/outcome"))
			.anySatisfy((violation) -> assertThat(violation).contains("finished_at"));
	}

	@Test
	void isTheSchemaChoreoJunitShips() {
		JsonNode shipped = read(ReportSchema.RESOURCE);
		assertThat(shipped.path("$id").asString()).isEqualTo("https://choreo.dev/schemas/test-report-v1.schema.json");
		assertThat(shipped.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
	}

	private static ObjectNode sample() {
		return (ObjectNode) read("reports/sample-results.json");
	}

	private static JsonNode read(String resource) {
		try (InputStream in = ReportSchemaTests.class.getClassLoader().getResourceAsStream(resource)) {
			return mapper.readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
