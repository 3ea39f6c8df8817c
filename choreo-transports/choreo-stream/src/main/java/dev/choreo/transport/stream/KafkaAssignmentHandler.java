package dev.choreo.transport.stream;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of one Kafka consumer binding, there to see the end of its rebalance:
 * the listener container calls it after committing the initial positions, so once it has
 * forced every assigned partition's position the binding consumes every message published
 * from then on. Errors are logged and the record skipped, as the binder does for a
 * binding without retries.
 */
final class KafkaAssignmentHandler extends DefaultErrorHandler {

	private final CompletableFuture<Void> assigned = new CompletableFuture<>();

	KafkaAssignmentHandler() {
		super(new FixedBackOff(0L, 0L));
	}

	CompletableFuture<Void> assigned() {
		return this.assigned;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
			Runnable publishPause) {
		super.onPartitionsAssigned(consumer, partitions, publishPause);
		if (partitions.isEmpty() || this.assigned.isDone()) {
			return;
		}
		try {
			partitions.forEach(consumer::position);
			this.assigned.complete(null);
		}
		catch (RuntimeException ex) {
			this.assigned.completeExceptionally(ex);
		}
	}

}
