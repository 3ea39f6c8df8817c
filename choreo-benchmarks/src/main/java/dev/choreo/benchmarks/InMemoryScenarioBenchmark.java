package dev.choreo.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.choreo.Handle;
import dev.choreo.Harness;
import dev.choreo.Outcome;
import dev.choreo.Scenario;
import dev.choreo.correlation.CorrelationPolicy;
import dev.choreo.match.MessageMatcher;
import dev.choreo.transport.InMemoryTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import static dev.choreo.match.Matchers.containsFields;
import static dev.choreo.match.Matchers.gt;

/**
 * Scenarios per second on the in-memory transport:
 * {@code expect(topic, containsFields(...))}, {@code publish}, {@code awaitAll}, with the
 * field correlation policy, one thread at a time and 100 at once on one harness. The
 * warm-up is long because 100 threads on a small machine leave the JIT compiler little
 * time: on two cores their throughput was still climbing after six seconds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class InMemoryScenarioBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private Harness harness;

	private MessageMatcher matcher;

	private final AtomicLong sequence = new AtomicLong();

	@Setup(Level.Trial)
	public void setUp() {
		this.harness = Harness.builder(InMemoryTransport.create())
			.correlation(CorrelationPolicy.field("correlation_id"))
			.build()
			.connect();
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("status", "SETTLED");
		spec.put("qty", gt(0));
		this.matcher = containsFields(spec);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.harness.close();
	}

	private Outcome scenario() {
		long n = this.sequence.incrementAndGet();
		try (Scenario scenario = this.harness.scenario("bench")) {
			Handle handle = scenario.expect("orders.settled", this.matcher);
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("order_id", n);
			payload.put("status", "SETTLED");
			payload.put("qty", 3);
			scenario.publish("orders.settled", payload).awaitAll(TIMEOUT);
			return handle.outcome();
		}
	}

	@Benchmark
	@Threads(1)
	public Outcome sequential() {
		return scenario();
	}

	@Benchmark
	@Threads(100)
	public Outcome concurrent100() {
		return scenario();
	}

}
