package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the harness's consumer, since a Kafka consumer is not
 * thread-safe. It polls and hands each record to the transport, and between polls runs
 * the commands other threads queue: assign partitions (positioned where the subscription
 * says, or at the end, before the command completes, or at the beginning for partitions
 * that are new), and unassign them. Queuing a command wakes the consumer, so it runs at
 * once. The consumer never joins a group: partitions are assigned directly.
 * <p>
 * The loop remembers the next offset of every assigned partition. If anything escapes it
 * (an {@link Error} from a handler, a failure inside the client), it reports the consumer
 * down, replaces it with a new one positioned where the old one stopped (after the record
 * being delivered, so that record is not delivered again), and reports it back.
 */
final class ConsumerLoop implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

	private static final Duration ERROR_BACKOFF = Duration.ofMillis(500);

	private static final Duration LEARN_LEADERS_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> delivery;

	private final ConnectionState state;

	private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

	private final Thread thread;

	/** The next offset to read per assigned partition; the loop's thread only. */
	private final Map<TopicPartition, Long> positions = new HashMap<>();

	/** Partitions whose consumer went back to an earlier offset on its own. */
	private final Set<TopicPartition> wentBack = new HashSet<>();

	/** Partitions to read from their beginning that have delivered nothing yet. */
	private final Set<TopicPartition> fromBeginning = new HashSet<>();

	private volatile Consumer<byte[], byte[]> consumer;

	private volatile boolean running = true;

	private volatile Set<TopicPartition> assigned = Set.of();

	ConsumerLoop(Supplier<Consumer<byte[], byte[]>> consumers, String threadName,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> delivery, ConnectionState state) {
		this.consumers = consumers;
		this.consumer = consumers.get();
		this.delivery = delivery;
		this.state = state;
		this.thread = new Thread(this, threadName);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Add partitions to the assignment and position them: at the offset given for them
	 * (found without the consumer, so without waiting for a fetch it has in flight), or
	 * else at their end as the consumer finds it.
	 * @param topic the topic, for messages
	 * @param partitions the partitions
	 * @param starts the offsets to start at, for the partitions where they are known
	 * @param deadline the {@link System#nanoTime()} by which positioning must be done
	 * @param timeout the subscription's timeout, for messages
	 * @return a future completed once every partition is positioned
	 */
	CompletableFuture<Void> assign(String topic, List<TopicPartition> partitions, Map<TopicPartition, Long> starts,
			long deadline, Duration timeout) {
		Assign command = new Assign(topic, partitions, starts, deadline, timeout);
		submit(command);
		return command.done;
	}

	/**
	 * Add partitions created after the subscription to the assignment, positioned at
	 * their beginning: everything in them is newer than the subscription.
	 * @param partitions the new partitions
	 */
	void assignNew(List<TopicPartition> partitions) {
		submit(new AssignNew(partitions, List.of()));
	}

	/**
	 * Follow a topic that was deleted and created again: drop the partitions of the old
	 * one, and read the new one from the beginning, except partitions the consumer
	 * already went back to the start of on its own (their position fell outside the new
	 * log, and the reset policy is {@code earliest}).
	 * @param previous the partitions of the topic as it was
	 * @param current the partitions of the topic as it is now
	 */
	void recreated(List<TopicPartition> previous, List<TopicPartition> current) {
		submit(new AssignNew(current, previous));
	}

	/**
	 * Remove partitions from the assignment.
	 * @param partitions the partitions
	 */
	void unassign(List<TopicPartition> partitions) {
		submit(new Unassign(partitions));
	}

	private void submit(Command command) {
		this.commands.add(command);
		if (!this.running) {
			abandonQueued();
			return;
		}
		try {
			this.consumer.wakeup();
		}
		catch (RuntimeException ex) {
			// closing or restarting: the loop runs what is queued once it can
		}
	}

	@Override
	public void run() {
		try {
			while (this.running) {
				try {
					serve();
				}
				catch (Throwable ex) {
					if (!this.running) {
						break;
					}
					restart(ex);
				}
			}
		}
		finally {
			this.running = false;
			abandonQueued();
			closeConsumer();
		}
	}

	private void serve() {
		while (this.running) {
			runQueued();
			if (!this.running) {
				break;
			}
			if (this.consumer.assignment().isEmpty()) {
				awaitCommand(POLL_TIMEOUT);
			}
			else {
				pollOnce();
			}
		}
	}

	/**
	 * Replace the consumer after a failure, positioned where the old one stopped, and
	 * report the loss and the recovery.
	 */
	private void restart(Throwable failure) {
		String reason = KafkaFailures.describe(failure);
		logger.error("The Kafka consumer loop failed ({}); restarting it with a new consumer", reason);
		this.state.lost(ConnectionState.Part.CONSUMER,
				"the Kafka consumer loop failed (" + reason + "); restarting it");
		while (this.running) {
			closeConsumer();
			try {
				Consumer<byte[], byte[]> fresh = this.consumers.get();
				this.consumer = fresh;
				fresh.assign(this.assigned);
				for (TopicPartition partition : this.assigned) {
					Long position = this.positions.get(partition);
					if (position != null) {
						fresh.seek(partition, position);
					}
					else if (this.fromBeginning.contains(partition)) {
						fresh.seekToBeginning(List.of(partition));
					}
					else {
						fresh.seekToEnd(List.of(partition));
					}
				}
				this.state.restored(ConnectionState.Part.CONSUMER);
				return;
			}
			catch (RuntimeException ex) {
				this.state.stillLost(ConnectionState.Part.CONSUMER,
						"could not restart the Kafka consumer (" + KafkaFailures.describe(ex) + ")");
				LockSupport.parkNanos(ERROR_BACKOFF.toNanos());
			}
		}
	}

	private void runQueued() {
		Command command;
		while (this.running && (command = this.commands.poll()) != null) {
			execute(command);
		}
	}

	private void awaitCommand(Duration timeout) {
		try {
			Command command = this.commands.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
			if (command != null) {
				execute(command);
			}
		}
		catch (InterruptedException ex) {
			this.running = false;
		}
	}

	private void pollOnce() {
		ConsumerRecords<byte[], byte[]> records;
		try {
			records = this.consumer.poll(POLL_TIMEOUT);
		}
		catch (WakeupException ex) {
			return;
		}
		catch (InterruptException ex) {
			this.running = false;
			return;
		}
		catch (KafkaException ex) {
			logger.warn("Kafka consumer poll failed ({}); retrying", KafkaFailures.describe(ex));
			awaitCommand(ERROR_BACKOFF);
			return;
		}
		for (ConsumerRecord<byte[], byte[]> record : records) {
			advance(record);
			try {
				this.delivery.accept(record);
			}
			catch (RuntimeException ex) {
				logger.warn("Delivering a Kafka record from '{}' raised {}", record.topic(), ex.getClass().getName());
			}
		}
	}

	/**
	 * Remember the offset after a record before delivering it, noting a partition the
	 * consumer took back to an earlier offset (its position was reset).
	 */
	private void advance(ConsumerRecord<byte[], byte[]> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		this.fromBeginning.remove(partition);
		Long expected = this.positions.put(partition, record.offset() + 1);
		if (expected != null && record.offset() < expected) {
			this.wentBack.add(partition);
		}
	}

	/**
	 * Run a command. Whatever it throws fails it; an {@link Error} also goes on to the
	 * loop, which restarts the consumer.
	 */
	private void execute(Command command) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			command.fail(ex);
		}
		catch (Error ex) {
			command.fail(new KafkaException(ex.getClass().getName()));
			throw ex;
		}
	}

	private void abandonQueued() {
		Command command;
		while ((command = this.commands.poll()) != null) {
			command.abandon();
		}
	}

	private void closeConsumer() {
		try {
			this.consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
		}
		catch (RuntimeException ex) {
			logger.debug("Closing the Kafka consumer raised {}", ex.getClass().getName());
		}
	}

	/**
	 * Stop the loop and wait for the consumer to close. Called from the loop's own thread
	 * (a handler closing the transport), it only asks the loop to stop.
	 * @param timeout how long to wait
	 */
	void stop(Duration timeout) {
		this.running = false;
		try {
			this.consumer.wakeup();
		}
		catch (RuntimeException ex) {
			// already closed
		}
		if (Thread.currentThread() == this.thread) {
			return;
		}
		try {
			this.thread.join(timeout.toMillis());
			if (this.thread.isAlive()) {
				this.thread.interrupt();
				this.thread.join(timeout.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		abandonQueued();
	}

	/**
	 * Return the partitions assigned after the last command, for tests and diagnostics.
	 * @return the assigned partitions
	 */
	Set<TopicPartition> assigned() {
		return this.assigned;
	}

	private void reassign(Set<TopicPartition> partitions) {
		this.consumer.assign(partitions);
		this.assigned = Set.copyOf(partitions);
		this.positions.keySet().retainAll(partitions);
		this.wentBack.retainAll(partitions);
		this.fromBeginning.retainAll(partitions);
	}

	private Set<TopicPartition> assignmentWith(List<TopicPartition> added, List<TopicPartition> removed) {
		Set<TopicPartition> next = new HashSet<>(this.consumer.assignment());
		next.removeAll(removed);
		next.addAll(added);
		return next;
	}

	private void positioned(TopicPartition partition, long position) {
		this.positions.put(partition, position);
		this.wentBack.remove(partition);
		this.fromBeginning.remove(partition);
	}

	/**
	 * Work for the loop's thread.
	 */
	private interface Command {

		void run();

		void fail(RuntimeException failure);

		void abandon();

	}

	/**
	 * Assign partitions and position them at the offsets given, or else at the end, so
	 * that whatever is published after the command completes is delivered.
	 */
	private final class Assign implements Command {

		private final String topic;

		private final List<TopicPartition> partitions;

		private final Map<TopicPartition, Long> starts;

		private final Duration timeout;

		private final long deadline;

		final CompletableFuture<Void> done = new CompletableFuture<>();

		Assign(String topic, List<TopicPartition> partitions, Map<TopicPartition, Long> starts, long deadline,
				Duration timeout) {
			this.topic = topic;
			this.partitions = partitions;
			this.starts = starts;
			this.deadline = deadline;
			this.timeout = timeout;
		}

		@Override
		public void run() {
			reassign(assignmentWith(this.partitions, List.of()));
			List<TopicPartition> atEnd = new ArrayList<>();
			for (TopicPartition partition : this.partitions) {
				Long start = this.starts.get(partition);
				if (start != null && start >= 0) {
					ConsumerLoop.this.consumer.seek(partition, start);
					positioned(partition, start);
				}
				else {
					atEnd.add(partition);
				}
			}
			if (!atEnd.isEmpty()) {
				ConsumerLoop.this.consumer.seekToEnd(atEnd);
				for (TopicPartition partition : atEnd) {
					positioned(partition, position(partition));
				}
			}
			this.done.complete(null);
			if (atEnd.size() < this.partitions.size()) {
				learnLeaders();
			}
		}

		/**
		 * Have the consumer learn where the partitions positioned without it live before
		 * its next fetch, which otherwise leaves them out until the fetch after. The
		 * subscription is live already; this only speeds up its first delivery, so a
		 * failure (or a command queued meanwhile) just ends it.
		 */
		private void learnLeaders() {
			long remaining = Math.min(this.deadline - System.nanoTime(), LEARN_LEADERS_TIMEOUT.toNanos());
			if (remaining <= 0) {
				return;
			}
			try {
				ConsumerLoop.this.consumer.endOffsets(this.partitions, Duration.ofNanos(remaining));
			}
			catch (WakeupException ex) {
				if (!ConsumerLoop.this.running) {
					throw ex;
				}
			}
			catch (KafkaException ex) {
				logger.debug("The Kafka consumer did not find the leaders of '{}' yet ({})", this.topic,
						ex.getClass().getName());
			}
		}

		private long position(TopicPartition partition) {
			while (true) {
				long remaining = this.deadline - System.nanoTime();
				try {
					return ConsumerLoop.this.consumer.position(partition, Duration.ofNanos(Math.max(0, remaining)));
				}
				catch (WakeupException ex) {
					// a command was queued meanwhile: carry on positioning
					if (!ConsumerLoop.this.running) {
						throw ex;
					}
				}
			}
		}

		@Override
		public void fail(RuntimeException failure) {
			try {
				reassign(assignmentWith(List.of(), this.partitions));
			}
			catch (RuntimeException ex) {
				logger.debug("Could not drop the partitions of '{}' ({})", this.topic, ex.getClass().getName());
			}
			this.done.completeExceptionally(KafkaFailures.position(this.topic, this.timeout, failure));
		}

		@Override
		public void abandon() {
			this.done.completeExceptionally(KafkaFailures.closedBeforeLive(this.topic));
		}

	}

	/**
	 * Assign partitions that are newer than the subscription at their beginning, in place
	 * of the partitions of a topic that is gone.
	 */
	private final class AssignNew implements Command {

		private final List<TopicPartition> partitions;

		private final List<TopicPartition> replaced;

		AssignNew(List<TopicPartition> partitions, List<TopicPartition> replaced) {
			this.partitions = partitions;
			this.replaced = replaced;
		}

		@Override
		public void run() {
			Set<TopicPartition> keep = new HashSet<>();
			for (TopicPartition partition : this.partitions) {
				if (this.replaced.contains(partition) && ConsumerLoop.this.wentBack.contains(partition)) {
					keep.add(partition);
				}
			}
			List<TopicPartition> gone = this.replaced.stream()
				.filter((partition) -> !keep.contains(partition))
				.toList();
			List<TopicPartition> fresh = this.partitions.stream()
				.filter((partition) -> !keep.contains(partition))
				.toList();
			reassign(assignmentWith(fresh, gone));
			ConsumerLoop.this.consumer.seekToBeginning(fresh);
			for (TopicPartition partition : fresh) {
				ConsumerLoop.this.positions.remove(partition);
				ConsumerLoop.this.wentBack.remove(partition);
				ConsumerLoop.this.fromBeginning.add(partition);
			}
			ConsumerLoop.this.wentBack.removeAll(keep);
		}

		@Override
		public void fail(RuntimeException failure) {
			logger.warn("Could not assign the new partitions {} ({})", this.partitions,
					KafkaFailures.describe(failure));
		}

		@Override
		public void abandon() {
		}

	}

	/**
	 * Remove partitions from the assignment.
	 */
	private final class Unassign implements Command {

		private final List<TopicPartition> partitions;

		Unassign(List<TopicPartition> partitions) {
			this.partitions = partitions;
		}

		@Override
		public void run() {
			reassign(assignmentWith(List.of(), this.partitions));
		}

		@Override
		public void fail(RuntimeException failure) {
			logger.debug("Could not unassign {} ({})", this.partitions, failure.getClass().getName());
		}

		@Override
		public void abandon() {
		}

	}

	@Override
	public String toString() {
		return "ConsumerLoop[" + this.thread.getName() + "]";
	}

}
