package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * for the cluster's description every half second and tells the {@link ConnectionState}
 * when the brokers are gone, each time a probe fails while they are, and when they are
 * back. After each probe that succeeded it runs a refresh (the subscriptions follow
 * partitions added to their topics and topics created again).
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

	private final ConnectionState state;

	private final String servers;

	private final Runnable refresh;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final Thread thread;

	private @Nullable Metric connectionCount;

	ClusterWatcher(Admin admin, ConnectionState state, String servers, String threadName, Runnable refresh) {
		this.admin = admin;
		this.state = state;
		this.servers = servers;
		this.refresh = refresh;
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
				if (up) {
					this.state.restored(ConnectionState.Part.CLUSTER);
					refresh();
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

	private void refresh() {
		try {
			this.refresh.run();
		}
		catch (RuntimeException ex) {
			logger.debug("Refreshing the Kafka topics failed ({})", KafkaFailures.describe(ex));
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
				failed(KafkaFailures.describe(KafkaFailures.unwrap(ex)));
				return false;
			}
			catch (TimeoutException ex) {
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				if (waited.compareTo(PROBE_TIMEOUT.plusSeconds(1)) > 0) {
					failed("no broker answered within " + KafkaFailures.words(PROBE_TIMEOUT));
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
		if (!isStopped()) {
			this.state.lost(ConnectionState.Part.CLUSTER, KafkaFailures.lost(this.servers, reason));
		}
	}

	/**
	 * A probe failed: the loss, or, when the brokers are already gone, a failed attempt
	 * to reach them again.
	 */
	private void failed(String reason) {
		if (isStopped()) {
			return;
		}
		String why = (connections() == 0) ? "no broker accepts connections" : reason;
		if (this.state.isDown(ConnectionState.Part.CLUSTER)) {
			this.state.stillLost(ConnectionState.Part.CLUSTER,
					"could not reconnect to Kafka at " + this.servers + ": " + why);
		}
		else {
			lost(why);
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
