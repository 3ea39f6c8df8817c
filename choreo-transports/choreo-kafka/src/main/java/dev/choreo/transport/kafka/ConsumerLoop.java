package dev.choreo.transport.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * the commands other threads queue: assign partitions (positioned at the end before the
 * command completes) and unassign them. Queuing a command wakes the consumer, so it runs
 * at once. The consumer never joins a group: partitions are assigned directly.
 */
final class ConsumerLoop implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaTransport.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

	private static final Duration ERROR_BACKOFF = Duration.ofMillis(500);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final Consumer<byte[], byte[]> consumer;

	private final java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> delivery;

	private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile Set<TopicPartition> assigned = Set.of();

	ConsumerLoop(Consumer<byte[], byte[]> consumer, String threadName,
			java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> delivery) {
		this.consumer = consumer;
		this.delivery = delivery;
		this.thread = new Thread(this, threadName);
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	/**
	 * Add partitions to the assignment and position them at the end.
	 * @param topic the topic, for messages
	 * @param partitions the partitions
	 * @param deadline the {@link System#nanoTime()} by which positioning must be done
	 * @param timeout the subscription's timeout, for messages
	 * @return a future completed once every partition is positioned
	 */
	CompletableFuture<Void> assign(String topic, List<TopicPartition> partitions, long deadline, Duration timeout) {
		Assign command = new Assign(topic, partitions, deadline, timeout);
		submit(command);
		return command.done;
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
			// closing: the loop abandons what is still queued
		}
	}

	@Override
	public void run() {
		try {
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
		catch (RuntimeException | Error ex) {
			logger.error("The Kafka consumer loop stopped ({})", KafkaFailures.describe(ex));
		}
		finally {
			this.running = false;
			abandonQueued();
			closeConsumer();
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
			try {
				this.delivery.accept(record);
			}
			catch (RuntimeException ex) {
				logger.warn("Delivering a Kafka record from '{}' raised {}", record.topic(), ex.getClass().getName());
			}
		}
	}

	private void execute(Command command) {
		try {
			command.run();
		}
		catch (RuntimeException ex) {
			command.fail(ex);
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
	}

	private Set<TopicPartition> assignmentWith(List<TopicPartition> partitions, boolean add) {
		Set<TopicPartition> next = new HashSet<>(this.consumer.assignment());
		if (add) {
			next.addAll(partitions);
		}
		else {
			next.removeAll(partitions);
		}
		return next;
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
	 * Assign partitions and position them at the end, so that whatever is published after
	 * the command completes is delivered.
	 */
	private final class Assign implements Command {

		private final String topic;

		private final List<TopicPartition> partitions;

		private final Duration timeout;

		private final long deadline;

		final CompletableFuture<Void> done = new CompletableFuture<>();

		Assign(String topic, List<TopicPartition> partitions, long deadline, Duration timeout) {
			this.topic = topic;
			this.partitions = partitions;
			this.deadline = deadline;
			this.timeout = timeout;
		}

		@Override
		public void run() {
			reassign(assignmentWith(this.partitions, true));
			ConsumerLoop.this.consumer.seekToEnd(this.partitions);
			for (TopicPartition partition : this.partitions) {
				position(partition);
			}
			this.done.complete(null);
		}

		private void position(TopicPartition partition) {
			while (true) {
				long remaining = this.deadline - System.nanoTime();
				try {
					ConsumerLoop.this.consumer.position(partition, Duration.ofNanos(Math.max(0, remaining)));
					return;
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
				reassign(assignmentWith(this.partitions, false));
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
	 * Remove partitions from the assignment.
	 */
	private final class Unassign implements Command {

		private final List<TopicPartition> partitions;

		Unassign(List<TopicPartition> partitions) {
			this.partitions = partitions;
		}

		@Override
		public void run() {
			reassign(assignmentWith(this.partitions, false));
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
