package dev.choreo.bench.kafkaonly;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.choreo.test.autoconfigure.AutoConfigureChoreo;
import dev.choreo.test.autoconfigure.ChoreoTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.TestContextManager;

/**
 * How long a Kafka-only service's test context takes to start: the {@code @ChoreoTest}
 * slice against {@code @SpringBootTest} with {@code @AutoConfigureChoreo}, alternately in
 * one JVM, each context closed before the next starts, both connecting the Kafka harness
 * to an in-process broker. Run with {@code java -cp ... 
 * dev.choreo.bench.kafkaonly.KafkaOnlyContextStart} ({@code -Drounds=N}).
 */
public final class KafkaOnlyContextStart {

	private KafkaOnlyContextStart() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.getInteger("rounds", 10);
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("offsets.topic.num.partitions", "1"));
		broker.afterPropertiesSet();
		System.setProperty("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
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
		broker.destroy();
		// the in-process broker leaves non-daemon threads behind
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

	@ChoreoTest(properties = { "choreo.correlation.policy=field", "choreo.report.enabled=false",
			"logging.level.root=WARN" })
	static class Slice {

	}

	@SpringBootTest(properties = { "choreo.correlation.policy=field", "choreo.report.enabled=false",
			"logging.level.root=WARN" })
	@AutoConfigureChoreo
	static class Full {

	}

}
