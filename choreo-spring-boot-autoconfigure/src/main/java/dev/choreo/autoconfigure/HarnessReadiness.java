package dev.choreo.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.choreo.Harness;
import dev.choreo.ReadinessCheck;
import dev.choreo.transport.InMemoryTransport;
import dev.choreo.transport.TransportException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The starter's {@link ReadinessCheck}: a harness whose broker could not be reached is
 * connected again before its next use, or the use fails with a message that says what is
 * unreachable, what configured it and what to do; and before the first scenario of a
 * (re)started context, the application's listeners are awaited. Also warns, once per
 * context, about harnesses without a correlation policy, in the words of the
 * {@code choreo.*} properties.
 */
final class HarnessReadiness implements ReadinessCheck {

	private static final Log logger = LogFactory.getLog(HarnessReadiness.class);

	private static final Set<String> STARTER_HARNESSES = Set.of("kafka", "rabbit", "nats", "redis", "stream");

	private final ObjectProvider<ListenerReadiness> listeners;

	private final Map<Harness, String> configuredBy = new ConcurrentHashMap<>();

	private final Set<Harness> unreachable = ConcurrentHashMap.newKeySet();

	private volatile boolean running = true;

	private volatile boolean correlationChecked;

	HarnessReadiness(ObjectProvider<ListenerReadiness> listeners) {
		this.listeners = listeners;
	}

	void register(Harness harness, String configuredBy) {
		this.configuredBy.put(harness, configuredBy);
	}

	/**
	 * Connect a harness; a broker that cannot be reached is logged once and left for the
	 * harness's next use.
	 * @param harness the harness
	 */
	void connect(Harness harness) {
		try {
			harness.connect();
			this.unreachable.remove(harness);
		}
		catch (TransportException ex) {
			if (this.unreachable.add(harness)) {
				logger.warn(unreachableMessage(harness, ex));
			}
		}
	}

	@Override
	public void awaitReady(Harness harness) {
		if (!this.running) {
			return;
		}
		if (!harness.isConnected()) {
			reconnect(harness);
		}
		ListenerReadiness listeners = this.listeners.getIfAvailable();
		if (listeners != null) {
			listeners.awaitReady();
		}
	}

	private void reconnect(Harness harness) {
		try {
			harness.connect();
			this.unreachable.remove(harness);
		}
		catch (TransportException ex) {
			this.unreachable.add(harness);
			throw new HarnessUnavailableException(unreachableMessage(harness, ex), ex);
		}
	}

	String unreachableMessage(Harness harness, TransportException ex) {
		String name = harness.name();
		String source = this.configuredBy.getOrDefault(harness, "the application's configuration");
		String disable = STARTER_HARNESSES.contains(name) ? ", or set choreo." + name + ".enabled=false" : "";
		return "Choreo's " + name + " harness cannot connect to its broker, configured by " + source + ": "
				+ ex.getMessage() + ". Start the broker, point " + source + " at one that runs" + disable
				+ "; tests that use this harness fail until it connects, the others run.";
	}

	void started(List<Harness> harnesses) {
		this.running = true;
		ListenerReadiness listeners = this.listeners.getIfAvailable();
		if (listeners != null) {
			listeners.reset();
		}
		if (!this.correlationChecked) {
			this.correlationChecked = true;
			warnAboutCorrelation(harnesses);
		}
	}

	void stopped() {
		this.running = false;
	}

	private void warnAboutCorrelation(List<Harness> harnesses) {
		List<String> uncorrelated = new ArrayList<>();
		for (Harness harness : harnesses) {
			if (this.configuredBy.containsKey(harness) && !harness.correlation().routesByCorrelation()
					&& !(harness.transport() instanceof InMemoryTransport)) {
				uncorrelated.add("'" + harness.name() + "'");
			}
		}
		if (!uncorrelated.isEmpty()) {
			logger.warn(correlationWarning(uncorrelated));
		}
	}

	static String correlationWarning(List<String> harnesses) {
		String names = (harnesses.size() == 1) ? "harness " + harnesses.get(0)
				: "harnesses " + String.join(", ", harnesses.subList(0, harnesses.size() - 1)) + " and "
						+ harnesses.get(harnesses.size() - 1);
		return "Choreo " + names + ((harnesses.size() == 1) ? " has" : " have")
				+ " no correlation policy: scenarios running at the same time on a shared broker will see each"
				+ " other's messages; set choreo.correlation.policy to field, header or test-namespace (or define a"
				+ " CorrelationPolicy bean) to keep them apart";
	}

}
