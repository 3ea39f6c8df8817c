package dev.choreo.transport.kafka;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.choreo.internal.Redaction;
import dev.choreo.transport.SafeUrl;
import dev.choreo.transport.TransportException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Words every failure of the Kafka transport, in one place. Messages name the bootstrap
 * servers with credentials redacted and never carry a cause, since a client exception
 * could quote a configuration value.
 */
final class KafkaFailures {

	private KafkaFailures() {
	}

	static TransportException connect(String servers, Duration timeout, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof SslAuthenticationException) {
			return new TransportException("Could not connect to Kafka at " + servers + ": the TLS handshake failed ("
					+ describe(cause) + ")");
		}
		if (cause instanceof AuthenticationException) {
			return new TransportException("Could not connect to Kafka at " + servers
					+ ": the broker refused the credentials (" + describe(cause) + ")");
		}
		if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
			return new TransportException("Could not connect to Kafka at " + servers + " within " + words(timeout)
					+ ": no broker answered (" + describe(cause) + ")");
		}
		return new TransportException("Could not connect to Kafka at " + servers + ": " + describe(cause));
	}

	static TransportException notConnected(String action) {
		return new TransportException("The Kafka transport is not connected; cannot " + action);
	}

	static TransportException topic(String topic, String servers, Duration timeout, boolean createsTopics,
			Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TransportException transportException) {
			return transportException;
		}
		if (cause instanceof UnknownTopicOrPartitionException && !createsTopics) {
			return new TransportException("Kafka topic '" + topic
					+ "' does not exist, and this transport does not create topics (createMissingTopics(false))");
		}
		if (cause instanceof AuthorizationException) {
			return new TransportException("The principal may not describe Kafka topic '" + topic + "' ("
					+ describe(cause) + "); grant it DESCRIBE and READ on the topic");
		}
		if (cause instanceof TimeoutException) {
			return new TransportException("Could not look up or create Kafka topic '" + topic + "' within "
					+ words(timeout) + "; is the broker at " + servers + " up? (" + describe(cause) + ")");
		}
		return new TransportException("Could not look up or create Kafka topic '" + topic + "': " + describe(cause));
	}

	/**
	 * A topic missing for a subscription could not be created.
	 */
	static TransportException create(String topic, String servers, Duration timeout, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof AuthorizationException) {
			return new TransportException("Kafka topic '" + topic + "' does not exist, and the principal may not"
					+ " create it (" + describe(cause) + "); create the topic, or grant the principal CREATE on it");
		}
		if (cause instanceof PolicyViolationException || cause instanceof InvalidReplicationFactorException
				|| cause instanceof InvalidPartitionsException) {
			return new TransportException("Kafka topic '" + topic + "' does not exist, and the cluster refused to"
					+ " create it (" + describe(cause) + "); create the topic, or set the partitions and replication"
					+ " factor the cluster asks for (topicPartitions, topicReplication)");
		}
		if (cause instanceof TimeoutException) {
			return new TransportException("Could not create Kafka topic '" + topic + "' within " + words(timeout)
					+ "; is the broker at " + servers + " up? (" + describe(cause) + ")");
		}
		return new TransportException("Could not create Kafka topic '" + topic + "': " + describe(cause));
	}

	/**
	 * A topic could not be found before a publish.
	 */
	static TransportException publishTopic(String topic, String servers, Duration timeout, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof UnknownTopicOrPartitionException) {
			return new TransportException(
					"Topic '" + topic + "' does not exist on the Kafka cluster; check the name, or create it");
		}
		if (cause instanceof AuthorizationException) {
			return new TransportException("The principal may not describe Kafka topic '" + topic + "' ("
					+ describe(cause) + "); grant it DESCRIBE and WRITE on the topic");
		}
		if (cause instanceof TimeoutException) {
			return new TransportException("Could not look up Kafka topic '" + topic + "' within " + words(timeout)
					+ "; is the broker at " + servers + " up? (" + describe(cause) + ")");
		}
		return new TransportException("Could not look up Kafka topic '" + topic + "': " + describe(cause));
	}

	static TransportException position(String topic, Duration timeout, Throwable failure) {
		return new TransportException("Kafka did not position the consumer at the end of '" + topic + "' within "
				+ words(timeout) + ": " + describe(unwrap(failure)));
	}

	static TransportException closedBeforeLive(String topic) {
		return new TransportException("The Kafka transport closed before the subscription to '" + topic + "' was live");
	}

	static TransportException publish(String topic, String servers, Duration timeout, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TransportException transportException) {
			return transportException;
		}
		if (cause instanceof TimeoutException) {
			return new TransportException("Kafka did not acknowledge the message to '" + topic + "' within "
					+ words(timeout) + "; is the broker at " + servers + " up? (" + describe(cause) + ")");
		}
		return new TransportException("Could not publish to Kafka topic '" + topic + "': " + describe(cause));
	}

	static String lost(String servers, String reason) {
		return "lost the connection to Kafka at " + servers + ": " + reason;
	}

	/**
	 * Return the exception's class and message, with anything that looks like a
	 * credential removed.
	 */
	static String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return Redaction.scrub(SafeUrl.redact(text), null);
	}

	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while (current instanceof CompletionException || current instanceof ExecutionException) {
			Throwable cause = current.getCause();
			if (cause == null || cause == current) {
				break;
			}
			current = cause;
		}
		return current;
	}

	static String words(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + "ms";
		}
		return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
	}

}
