package dev.choreo.chronicle.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The test-report-v1 JSON Schema (draft 2020-12) that choreo-junit ships, copied into
 * Chronicle at build time. Chronicle reads it with two relaxations so that reports from
 * newer reporters of the same major version still ingest: unknown properties are allowed
 * everywhere (no {@code additionalProperties: false}), and {@code schema_version} may be
 * any string (Chronicle checks that it starts with "1" itself, with its own message).
 *
 * @author Choreo
 */
@Component
public class ReportSchema {

	/** Where the schema is on the class path. */
	public static final String RESOURCE = "META-INF/choreo/test-report-v1.schema.json";

	private final Schema schema;

	ReportSchema(JsonMapper mapper) {
		this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(relax(load(mapper)));
	}

	private static JsonNode load(JsonMapper mapper) {
		try (InputStream in = ReportSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The report schema " + RESOURCE + " is not on the class path");
			}
			return mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode relax(JsonNode schema) {
		if (schema instanceof ObjectNode object) {
			JsonNode additional = object.get("additionalProperties");
			if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
				object.remove("additionalProperties");
			}
			JsonNode version = object.path("properties").get("schema_version");
			if (version instanceof ObjectNode versionNode) {
				versionNode.removeAll();
				versionNode.put("type", "string");
			}
		}
		schema.values().forEach(ReportSchema::relax);
		return schema;
	}

	/**
	 * Validate a report.
	 * @param report the parsed report
	 * @return the violations, each as "location: message", empty when valid
	 */
	public List<String> validate(JsonNode report) {
		return this.schema.validate(report).stream().map(ReportSchema::describe).limit(100).toList();
	}

	private static String describe(Error error) {
		return error.toString();
	}

}
