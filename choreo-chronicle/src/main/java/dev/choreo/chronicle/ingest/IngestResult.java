package dev.choreo.chronicle.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a posted report.
 *
 * @param runId the run it was stored in (for a repeat, the run of the first post)
 * @param duplicate whether the Idempotency-Key was seen before, so nothing was stored
 * @param merged whether the report joined an existing run (same run key)
 * @param handlesIngested handles stored
 * @param scenariosIngested scenarios stored
 * @param warning a warning about the report, or {@code null}
 * @param topicIds the topics of the report (for anomaly detection)
 * @author Choreo
 */
public record IngestResult(long runId, boolean duplicate, boolean merged, int handlesIngested, int scenariosIngested,
		@Nullable String warning, List<Long> topicIds) {

	static IngestResult duplicateOf(long runId) {
		return new IngestResult(runId, true, false, 0, 0, null, List.of());
	}

}
