package dev.choreo.junit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped JSON Schema of results.json, for validating every report the tests produce.
 */
final class ReportSchema {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Schema schema = load();

	private ReportSchema() {
	}

	private static Schema load() {
		try (InputStream in = ReportSchema.class.getClassLoader().getResourceAsStream(ChoreoReport.SCHEMA_RESOURCE)) {
			assertThat(in).as("schema resource").isNotNull();
			JsonNode node = mapper.readTree(in);
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> errors(JsonNode report) {
		return schema.validate(report).stream().map(Error::toString).toList();
	}

	static JsonNode assertValid(JsonNode report) {
		assertThat(errors(report)).as("schema errors").isEmpty();
		return report;
	}

	static JsonNode readValid(Path results) throws IOException {
		return assertValid(mapper.readTree(Files.readAllBytes(results)));
	}

}
