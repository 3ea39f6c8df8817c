package dev.choreo.autoconfigure.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.choreo.Handle;
import dev.choreo.Outcome;
import dev.choreo.ReplyReport;
import dev.choreo.ScenarioObserver;
import dev.choreo.ScenarioResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records scenarios in Micrometer:
 * <ul>
 * <li>{@code choreo.expectation.latency}: a timer per harness, topic, outcome and budget,
 * with the budget as a service-level objective, so dashboards show how often a hop met
 * it;</li>
 * <li>{@code choreo.scenarios}: a counter per scenario outcome;</li>
 * <li>{@code choreo.expectation.near.misses}: messages that reached an expectation and
 * failed its matcher, per harness and topic;</li>
 * <li>{@code choreo.replies}: staged replies per harness and final state.</li>
 * </ul>
 * Topics beyond {@code choreo.metrics.max-topics} are tagged {@code other}, so a test
 * suite with generated topic names cannot flood the registry.
 *
 * @since 0.1.0
 */
public final class ChoreoMetrics implements ScenarioObserver {

	/** The name of the latency timer. */
	public static final String LATENCY = "choreo.expectation.latency";

	/** The name of the scenario counter. */
	public static final String SCENARIOS = "choreo.scenarios";

	/** The name of the near-miss counter. */
	public static final String NEAR_MISSES = "choreo.expectation.near.misses";

	/** The name of the reply counter. */
	public static final String REPLIES = "choreo.replies";

	/** The tag value of topics beyond the cap. */
	public static final String OTHER_TOPIC = "other";

	private final MeterRegistry registry;

	private final int maxTopics;

	private final Set<String> topics = ConcurrentHashMap.newKeySet();

	/**
	 * Create a new instance.
	 * @param registry the registry to record in
	 * @param maxTopics the most distinct topics tagged
	 */
	public ChoreoMetrics(MeterRegistry registry, int maxTopics) {
		this.registry = registry;
		this.maxTopics = maxTopics;
	}

	@Override
	public void scenarioFinished(ScenarioResult result, boolean completedNormally) {
		Counter.builder(SCENARIOS)
			.description("Scenarios by outcome")
			.tag("outcome", result.outcome().value())
			.tag("completed", String.valueOf(completedNormally))
			.register(this.registry)
			.increment();
		for (Handle handle : result.handles()) {
			record(handle);
		}
		for (ReplyReport reply : result.replies()) {
			Counter.builder(REPLIES)
				.description("Staged replies by final state")
				.tag("harness", reply.triggerHarness())
				.tag("state", reply.state().value())
				.register(this.registry)
				.increment();
		}
	}

	private void record(Handle handle) {
		if (handle.outcome() == Outcome.PENDING) {
			return;
		}
		String topic = topic(handle.topic());
		Optional<Duration> budget = handle.budget();
		Timer.Builder timer = Timer.builder(LATENCY)
			.description("Latency of expectations, from going live to the match (or to the deadline)")
			.tag("harness", handle.harness())
			.tag("topic", topic)
			.tag("outcome", handle.outcome().value())
			.tag("budget", budget.map(ChoreoMetrics::budgetTag).orElse("none"));
		budget.ifPresent(timer::serviceLevelObjectives);
		timer.register(this.registry).record(handle.latency());
		if (handle.attempts() > 0) {
			Counter.builder(NEAR_MISSES)
				.description("Messages that reached an expectation and failed its matcher")
				.tag("harness", handle.harness())
				.tag("topic", topic)
				.register(this.registry)
				.increment(handle.attempts());
		}
	}

	private String topic(String topic) {
		if (this.topics.contains(topic)) {
			return topic;
		}
		synchronized (this.topics) {
			if (this.topics.size() < this.maxTopics) {
				this.topics.add(topic);
				return topic;
			}
		}
		return this.topics.contains(topic) ? topic : OTHER_TOPIC;
	}

	static String budgetTag(Duration budget) {
		long nanos = budget.toNanos();
		if (nanos % 1_000_000_000L == 0) {
			return (nanos / 1_000_000_000L) + "s";
		}
		if (nanos % 1_000_000L == 0) {
			return (nanos / 1_000_000L) + "ms";
		}
		return (nanos / 1_000L) + "us";
	}

}
