package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.choreo.transport.TransportListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the cluster, since the Kafka clients reconnect silently: a daemon thread asks
 * for the cluster's description every half second and tells the listener when the brokers
 * are gone and when they are back.
 * <p>
 * The brokers count as gone when a probe fails or takes longer than
 * {@link #PROBE_TIMEOUT}, or sooner, when a probe has waited {@link #SUSPECT_AFTER} while
 * the admin client holds no connection at all (the broker refuses connections): a slow
 * but connected broker is never reported lost early.
 */
final class ClusterWatcher implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	static final Duration INTERVAL = Duration.ofMillis(500);

	static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	static final Duration SUSPECT_AFTER = Duration.ofMillis(500);

	private static final long TICK_MILLIS = 50;

	private final Admin admin;

	private final TransportListener listener;

	private final String servers;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final Thread thread;

	private boolean down;

	private @Nullable Metric connectionCount;

	ClusterWatcher(Admin admin, TransportListener listener, String servers, String threadName) {
		this.admin = admin;
		this.listener = listener;
		this.servers = servers;
		this.thread = new Thread(this, threadName);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	@Override
	public void run() {
		try {
			while (!isStopped()) {
				boolean up = probe();
				if (up && this.down) {
					this.down = false;
					restored();
				}
				if (this.stopped.await(up ? INTERVAL.toMillis() : TICK_MILLIS, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("The Kafka cluster watcher stopped ({})", KafkaFailures.describe(ex));
		}
	}

	/**
	 * Ask for the cluster's id; return whether a broker answered.
	 */
	private boolean probe() throws InterruptedException {
		KafkaFuture<String> answer = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
			.clusterId();
		long start = System.nanoTime();
		while (!isStopped()) {
			try {
				answer.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
				return true;
			}
			catch (ExecutionException ex) {
				lost(KafkaFailures.describe(KafkaFailures.unwrap(ex)));
				return false;
			}
			catch (TimeoutException ex) {
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				if (waited.compareTo(PROBE_TIMEOUT.plusSeconds(1)) > 0) {
					lost("no broker answered within " + KafkaFailures.words(PROBE_TIMEOUT));
					return false;
				}
				if (waited.compareTo(SUSPECT_AFTER) > 0 && connections() == 0) {
					lost("no broker accepts connections");
				}
			}
		}
		return true;
	}

	private double connections() {
		Metric metric = this.connectionCount;
		if (metric == null) {
			metric = findConnectionCount();
			this.connectionCount = metric;
		}
		if (metric == null) {
			return -1;
		}
		Object value = metric.metricValue();
		return (value instanceof Number number) ? number.doubleValue() : -1;
	}

	private @Nullable Metric findConnectionCount() {
		for (Map.Entry<MetricName, ? extends Metric> entry : this.admin.metrics().entrySet()) {
			MetricName name = entry.getKey();
			if ("connection-count".equals(name.name()) && "admin-client-metrics".equals(name.group())) {
				return entry.getValue();
			}
		}
		return null;
	}

	private void lost(String reason) {
		if (this.down || isStopped()) {
			return;
		}
		this.down = true;
		String description = KafkaFailures.lost(this.servers, reason);
		logger.debug("Kafka transport: {}", description);
		try {
			this.listener.connectionLost(description, null);
		}
		catch (RuntimeException ex) {
			logger.warn("A transport listener raised {} on connection loss", ex.getClass().getName());
		}
	}

	private void restored() {
		logger.debug("Kafka transport: the connection to Kafka at {} is back", this.servers);
		try {
			this.listener.connectionRestored();
		}
		catch (RuntimeException ex) {
			logger.warn("A transport listener raised {} on connection recovery", ex.getClass().getName());
		}
	}

	private boolean isStopped() {
		return this.stopped.getCount() == 0;
	}

	/**
	 * Stop watching and wait for the thread to end.
	 * @param timeout how long to wait
	 */
	void stop(Duration timeout) {
		this.stopped.countDown();
		if (Thread.currentThread() == this.thread) {
			return;
		}
		try {
			this.thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
