package dev.choreo.sample.bench;

import java.util.Arrays;
import java.util.Locale;

import dev.choreo.sample.OrderApplication;
import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import dev.choreo.test.autoconfigure.ChoreoTest;
import dev.choreo.testcontainers.Broker;
import dev.choreo.testcontainers.ProvisionBrokers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestContextManager;

/**
 * How long the order service's test context takes to start: the {@code @ChoreoTest} slice
 * against {@code @SpringBootTest} with {@code @AutoConfigureChoreo}, alternately in one
 * JVM, each context closed before the next starts. Both connect a harness to every
 * broker; the slice leaves out the web layer, the database and actuator. Run with
 * {@code java -cp benchmarks.jar dev.choreo.sample.bench.ContextStartBenchmark}
 * ({@code -Drounds=N}).
 */
public final class ContextStartBenchmark {

	private ContextStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.getInteger("rounds", 10);
		start(Slice.class);
		start(Full.class);
		long[] slice = new long[rounds];
		long[] full = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			slice[i] = start(Slice.class);
			full[i] = start(Full.class);
		}
		Arrays.sort(slice);
		Arrays.sort(full);
		double sliceMedian = slice[rounds / 2] / 1e6;
		double fullMedian = full[rounds / 2] / 1e6;
		System.out.printf(Locale.ROOT, "@ChoreoTest slice: median %.0f ms (min %.0f, max %.0f)%n", sliceMedian,
				slice[0] / 1e6, slice[rounds - 1] / 1e6);
		System.out.printf(Locale.ROOT, "@SpringBootTest + @AutoConfigureChoreo: median %.0f ms (min %.0f, max %.0f)%n",
				fullMedian, full[0] / 1e6, full[rounds - 1] / 1e6);
		System.out.printf(Locale.ROOT, "slice / full: %.0f %% over %d rounds%n", 100 * sliceMedian / fullMedian,
				rounds);
		// the embedded Kafka broker runs on non-daemon threads
		System.exit(0);
	}

	private static long start(Class<?> testClass) throws Exception {
		TestContextManager manager = new TestContextManager(testClass);
		long begin = System.nanoTime();
		manager.getTestContext().getApplicationContext();
		long elapsed = System.nanoTime() - begin;
		manager.getTestContext().markApplicationContextDirty(null);
		return elapsed;
	}

	@ChoreoTest(properties = { "choreo.correlation.policy=field", "choreo.default-transport=kafka",
			"choreo.report.enabled=false", "sample.nats-url=${choreo.nats.servers:nats://127.0.0.1:4222}",
			"logging.level.root=WARN" })
	@ProvisionBrokers({ Broker.KAFKA, Broker.NATS, Broker.RABBITMQ, Broker.REDIS })
	static class Slice {

	}

	@SpringBootTest(classes = OrderApplication.class,
			properties = { "choreo.correlation.policy=field", "choreo.default-transport=kafka",
					"choreo.report.enabled=false", "sample.nats-url=${choreo.nats.servers:nats://127.0.0.1:4222}",
					"logging.level.root=WARN" })
	@AutoConfigureChoreo
	@ProvisionBrokers({ Broker.KAFKA, Broker.NATS, Broker.RABBITMQ, Broker.REDIS })
	static class Full {

	}

}
