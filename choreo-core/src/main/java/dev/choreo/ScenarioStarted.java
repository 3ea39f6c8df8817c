package dev.choreo;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A scenario that has just been opened.
 *
 * @param scenarioId the id of the scenario, unique in this JVM, also carried by its
 * {@link ScenarioResult#scenarioId() result}
 * @param name the scenario name
 * @param correlationId the scenario's correlation id, or {@code null}
 * @param startedAt when it was opened
 * @param harnesses the names of the harnesses it uses
 * @since 0.1.0
 */
public record ScenarioStarted(long scenarioId, String name, @Nullable String correlationId, Instant startedAt,
		List<String> harnesses) {

}
