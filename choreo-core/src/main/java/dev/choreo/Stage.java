package dev.choreo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Named harnesses that one scenario can span: publish on Kafka, reply on NATS, expect on
 * both, under one deadline and one timeline. <pre class="code">
 * Stage stage = Stage.builder().harness("kafka", kafkaHarness).harness("nats", natsHarness).build();
 * try (StageScenario s = stage.scenario("bridge-round-trip")) {
 *     s.on("kafka", "orders.new").publishOn("nats", "orders.processed", (trigger) -&gt; Map.of("forwarded", true));
 *     s.expect("nats", "results", fieldEquals("kind", "result"));
 *     s.publish("kafka", "orders.new", Map.of("payload", 42)).awaitAll(Duration.ofSeconds(2)).assertPassed();
 * }
 * </pre> Each harness keeps its own codec and correlation policy. The scenario's logical
 * correlation id comes from the first harness that correlates, and a
 * {@link CorrelationBridge} turns it into the id used on each harness, so concurrent
 * scenarios stay apart on shared brokers.
 *
 * @since 0.1.0
 */
public final class Stage implements AutoCloseable {

	private final Map<String, Harness> harnesses;

	private final CorrelationBridge bridge;

	private final Duration defaultTimeout;

	private final Scope.Settings settings;

	private Stage(Builder builder) {
		this.harnesses = new LinkedHashMap<>(builder.harnesses);
		this.bridge = builder.bridge;
		this.defaultTimeout = builder.defaultTimeout;
		this.settings = new Scope.Settings(builder.slowFails, builder.keepTimelines);
	}

	/**
	 * Start building a stage.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Open a scenario across every harness of the stage. The {@linkplain ReadinessCheck
	 * readiness check} of every connected harness runs first; a harness that is not
	 * connected gets its check when the scenario first uses it.
	 * @param name the scenario name
	 * @return the scenario
	 */
	public StageScenario scenario(String name) {
		Objects.requireNonNull(name, "name");
		for (Harness harness : this.harnesses.values()) {
			if (harness.isConnected()) {
				harness.awaitReady();
			}
		}
		String logicalId = null;
		for (Harness harness : this.harnesses.values()) {
			if (harness.correlation().routesByCorrelation()) {
				logicalId = Harness.newCorrelationId(harness.correlation());
				break;
			}
		}
		List<Scope.Member> members = new ArrayList<>();
		for (Map.Entry<String, Harness> entry : this.harnesses.entrySet()) {
			members.add(new Scope.Member(entry.getKey(), entry.getValue(), wireId(entry, logicalId)));
		}
		return new StageScenario(Scope.open(name, logicalId, members, this.settings), this.defaultTimeout);
	}

	private @Nullable String wireId(Map.Entry<String, Harness> entry, @Nullable String logicalId) {
		if (logicalId == null || !entry.getValue().correlation().routesByCorrelation()) {
			return null;
		}
		try {
			return Objects.requireNonNull(this.bridge.wireId(entry.getKey(), logicalId), "wire id");
		}
		catch (Throwable ex) {
			UserCode.rethrowIfFatal(ex);
			throw new IllegalStateException("CorrelationBridge " + this.bridge.getClass().getSimpleName() + " raised "
					+ ex.getClass().getName() + " for harness '" + entry.getKey() + "'", ex);
		}
	}

	/**
	 * Return the harness registered under a name.
	 * @param name the name
	 * @return the harness
	 * @throws IllegalArgumentException if there is none
	 */
	public Harness harness(String name) {
		Harness harness = this.harnesses.get(name);
		if (harness == null) {
			throw new IllegalArgumentException(
					"No harness named '" + name + "' on this stage; it has " + this.harnesses.keySet());
		}
		return harness;
	}

	/**
	 * Return the names of the harnesses, in registration order.
	 * @return the names
	 */
	public Set<String> harnessNames() {
		return this.harnesses.keySet();
	}

	/**
	 * Connect every harness that is not connected yet.
	 * @return this stage
	 */
	public Stage connect() {
		this.harnesses.values().forEach(Harness::connect);
		return this;
	}

	/**
	 * Close every harness.
	 */
	@Override
	public void close() {
		RuntimeException failure = null;
		for (Harness harness : this.harnesses.values()) {
			try {
				harness.close();
			}
			catch (RuntimeException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "Stage" + this.harnesses.keySet();
	}

	/**
	 * Builds a {@link Stage}.
	 */
	public static final class Builder {

		private final Map<String, Harness> harnesses = new LinkedHashMap<>();

		private CorrelationBridge bridge = CorrelationBridge.identity();

		private Duration defaultTimeout = Duration.ofSeconds(5);

		private boolean slowFails = true;

		private boolean keepTimelines;

		private Builder() {
		}

		/**
		 * Add a harness under a name.
		 * @param name the name scenario steps use to pick it
		 * @param harness the harness
		 * @return this builder
		 */
		public Builder harness(String name, Harness harness) {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(harness, "harness");
			if (this.harnesses.putIfAbsent(name, harness) != null) {
				throw new IllegalArgumentException("A harness named '" + name + "' is already on this stage");
			}
			return this;
		}

		/**
		 * Set the correlation bridge (default: {@link CorrelationBridge#identity()}).
		 * @param bridge the bridge
		 * @return this builder
		 */
		public Builder bridge(CorrelationBridge bridge) {
			this.bridge = Objects.requireNonNull(bridge, "bridge");
			return this;
		}

		/**
		 * Set the timeout of {@link StageScenario#awaitAll()} (default 5 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder defaultTimeout(Duration timeout) {
			Objects.requireNonNull(timeout, "timeout");
			if (timeout.isZero() || timeout.isNegative()) {
				throw new IllegalArgumentException("defaultTimeout must be positive, got " + timeout);
			}
			this.defaultTimeout = timeout;
			return this;
		}

		/**
		 * Set whether a SLOW handle fails its scenario (default {@code true}).
		 * @param slowFails whether SLOW fails
		 * @return this builder
		 */
		public Builder slowFails(boolean slowFails) {
			this.slowFails = slowFails;
			return this;
		}

		/**
		 * Set whether passing scenarios keep their timeline (default {@code false}).
		 * @param keepTimelines whether to keep every timeline
		 * @return this builder
		 */
		public Builder keepTimelines(boolean keepTimelines) {
			this.keepTimelines = keepTimelines;
			return this;
		}

		/**
		 * Build the stage.
		 * @return the stage
		 * @throws IllegalStateException if no harness was added
		 */
		public Stage build() {
			if (this.harnesses.isEmpty()) {
				throw new IllegalStateException(
						"A stage needs at least one harness; add one with harness(name, harness)");
			}
			return new Stage(this);
		}

	}

}
