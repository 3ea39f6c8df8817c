package dev.choreo.transport.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/**
 * Converts between Kafka records and transport messages.
 * <p>
 * Header values and keys are UTF-8 text. A value that is not valid UTF-8 (such as the
 * binary correlation id of a {@code ReplyingKafkaTemplate}), or one that starts with
 * {@value #BINARY_PREFIX} itself, arrives as {@value #BINARY_PREFIX} followed by the
 * Base64 of its bytes; an outbound value of that form is sent as the decoded bytes. So
 * every header and key survives a round trip byte for byte.
 */
final class KafkaRecords {

	/** The prefix of a header value or key carried as Base64. */
	static final String BINARY_PREFIX = "base64:";

	/** spring-kafka's header naming the topic a reply goes to. */
	static final String REPLY_TOPIC = "kafka_replyTopic";

	/** spring-kafka's header naming the partition a reply goes to (a binary int). */
	static final String REPLY_PARTITION = "kafka_replyPartition";

	/** spring-kafka's header correlating a reply with its request (binary). */
	static final String CORRELATION_ID = "kafka_correlationId";

	/**
	 * spring-kafka's message header choosing the partition; on an outbound message it
	 * sets the record's partition and is not sent as a header.
	 */
	static final String PARTITION = "kafka_partitionId";

	private KafkaRecords() {
	}

	static TransportMessage toMessage(ConsumerRecord<byte[], byte[]> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		String replyTo = null;
		for (Header header : record.headers()) {
			byte[] value = header.value();
			if (value == null) {
				continue;
			}
			headers.put(header.key(), text(value));
			if (REPLY_TOPIC.equals(header.key())) {
				replyTo = new String(value, StandardCharsets.UTF_8);
			}
		}
		byte[] key = record.key();
		byte[] payload = record.value();
		return new TransportMessage(record.topic(), (payload != null) ? payload : new byte[0], headers,
				(key != null) ? text(key) : null, replyTo);
	}

	static ProducerRecord<byte[], byte[]> toRecord(TransportMessage message) {
		List<Header> headers = new ArrayList<>();
		Integer partition = null;
		for (Map.Entry<String, String> header : message.headers().entrySet()) {
			if (PARTITION.equals(header.getKey())) {
				partition = partition(header.getValue());
			}
			else {
				headers.add(new RecordHeader(header.getKey(), bytes(header.getValue())));
			}
		}
		String replyTo = message.replyTo();
		if (replyTo != null && !message.headers().containsKey(REPLY_TOPIC)) {
			headers.add(new RecordHeader(REPLY_TOPIC, replyTo.getBytes(StandardCharsets.UTF_8)));
		}
		String key = message.key();
		return new ProducerRecord<>(message.topic(), partition, (key != null) ? bytes(key) : null, message.payload(),
				headers);
	}

	private static int partition(String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"The " + PARTITION + " header must be a partition number, got '" + value + "'");
		}
	}

	/**
	 * Return the headers a reply to a request from a {@code ReplyingKafkaTemplate} needs:
	 * its correlation id, and the partition it asked for, if any.
	 */
	static Map<String, String> replyHeaders(TransportMessage trigger) {
		Map<String, String> headers = new LinkedHashMap<>();
		String correlationId = trigger.headers().get(CORRELATION_ID);
		if (correlationId != null) {
			headers.put(CORRELATION_ID, correlationId);
		}
		String replyPartition = trigger.headers().get(REPLY_PARTITION);
		if (replyPartition != null) {
			byte[] partition = bytes(replyPartition);
			if (partition.length == 4) {
				headers.put(PARTITION, String.valueOf(ByteBuffer.wrap(partition).getInt()));
			}
		}
		return headers;
	}

	/**
	 * Return bytes as text: UTF-8 when they are valid UTF-8, else Base64 behind
	 * {@link #BINARY_PREFIX}.
	 */
	static String text(byte[] value) {
		String text = strictUtf8(value);
		if (text != null && !text.startsWith(BINARY_PREFIX)) {
			return text;
		}
		return BINARY_PREFIX + Base64.getEncoder().encodeToString(value);
	}

	/**
	 * Return the bytes of a text made by {@link #text(byte[])}, or the UTF-8 of any other
	 * text.
	 */
	static byte[] bytes(String text) {
		if (text.startsWith(BINARY_PREFIX)) {
			try {
				return Base64.getDecoder().decode(text.substring(BINARY_PREFIX.length()));
			}
			catch (IllegalArgumentException ex) {
				// not Base64 after all: plain text that happens to start with the prefix
			}
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable String strictUtf8(byte[] value) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
