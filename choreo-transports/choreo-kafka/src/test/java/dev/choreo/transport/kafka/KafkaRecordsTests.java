package dev.choreo.transport.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Converting records to messages and back: text and binary headers and keys, reply
 * addresses and reply headers.
 */
class KafkaRecordsTests {

	private static final byte[] UUID_BYTES = { 0x12, (byte) 0x9f, (byte) 0xc3, 0x00, (byte) 0xff, 0x41, 0x7e,
			(byte) 0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };

	@Test
	void carriesTextHeadersAndKeysAsUtf8() {
		ConsumerRecord<byte[], byte[]> record = record("orders", bytes("ORD-1"), bytes("{}"));
		record.headers().add("x-tenant", bytes("äcme"));
		TransportMessage message = KafkaRecords.toMessage(record);
		assertThat(message.key()).isEqualTo("ORD-1");
		assertThat(message.headers()).containsExactly(Map.entry("x-tenant", "äcme"));
		assertThat(message.replyTo()).isNull();
		ProducerRecord<byte[], byte[]> back = KafkaRecords.toRecord(message);
		assertThat(back.key()).isEqualTo(bytes("ORD-1"));
		assertThat(back.headers().lastHeader("x-tenant").value()).isEqualTo(bytes("äcme"));
		assertThat(back.partition()).isNull();
	}

	@Test
	void carriesBinaryValuesAsBase64AndSendsThemBackByteForByte() {
		assertThat(KafkaRecords.text(new byte[] { 0, (byte) 0xff })).isEqualTo("base64:AP8=");
		assertThat(KafkaRecords.bytes("base64:AP8=")).containsExactly(0, 0xff);
		ConsumerRecord<byte[], byte[]> record = record("orders", UUID_BYTES, bytes("{}"));
		record.headers().add(KafkaRecords.CORRELATION_ID, UUID_BYTES);
		TransportMessage message = KafkaRecords.toMessage(record);
		assertThat(message.headers().get(KafkaRecords.CORRELATION_ID)).startsWith("base64:");
		ProducerRecord<byte[], byte[]> back = KafkaRecords.toRecord(message);
		assertThat(back.key()).isEqualTo(UUID_BYTES);
		assertThat(back.headers().lastHeader(KafkaRecords.CORRELATION_ID).value()).isEqualTo(UUID_BYTES);
	}

	@Test
	void encodesTextThatLooksEncodedSoItSurvivesARoundTrip() {
		byte[] tricky = bytes("base64:AP8=");
		assertThat(KafkaRecords.text(tricky)).isEqualTo("base64:YmFzZTY0OkFQOD0=");
		assertThat(KafkaRecords.bytes(KafkaRecords.text(tricky))).isEqualTo(tricky);
		assertThat(KafkaRecords.bytes("base64:not Base64!")).isEqualTo(bytes("base64:not Base64!"));
	}

	@Test
	void readsTheReplyAddressFromTheReplyTopicHeader() {
		ConsumerRecord<byte[], byte[]> record = record("requests", null, bytes("{}"));
		record.headers().add(KafkaRecords.REPLY_TOPIC, bytes("replies"));
		assertThat(KafkaRecords.toMessage(record).replyTo()).isEqualTo("replies");
	}

	@Test
	void writesTheReplyAddressAsTheReplyTopicHeader() {
		TransportMessage message = new TransportMessage("requests", bytes("{}"), Map.of(), null, "replies");
		Header header = KafkaRecords.toRecord(message).headers().lastHeader(KafkaRecords.REPLY_TOPIC);
		assertThat(header.value()).isEqualTo(bytes("replies"));
	}

	@Test
	void answersARequestWithItsCorrelationIdAndTheReplyPartitionItAskedFor() {
		ConsumerRecord<byte[], byte[]> record = record("requests", null, bytes("{}"));
		record.headers().add(KafkaRecords.CORRELATION_ID, UUID_BYTES);
		record.headers().add(new RecordHeader(KafkaRecords.REPLY_PARTITION, new byte[] { 0, 0, 0, 2 }));
		Map<String, String> reply = KafkaRecords.replyHeaders(KafkaRecords.toMessage(record));
		assertThat(reply).containsOnlyKeys(KafkaRecords.CORRELATION_ID, KafkaRecords.PARTITION)
			.containsEntry(KafkaRecords.PARTITION, "2");
		ProducerRecord<byte[], byte[]> sent = KafkaRecords
			.toRecord(new TransportMessage("replies", bytes("{}"), reply, null, null));
		assertThat(sent.partition()).isEqualTo(2);
		assertThat(sent.headers().lastHeader(KafkaRecords.CORRELATION_ID).value()).isEqualTo(UUID_BYTES);
		assertThat(sent.headers().lastHeader(KafkaRecords.PARTITION)).isNull();
	}

	@Test
	void answersAMessageThatIsNoRequestWithoutHeaders() {
		assertThat(KafkaRecords.replyHeaders(TransportMessage.of("orders", bytes("{}")))).isEmpty();
	}

	@Test
	void refusesAPartitionHeaderThatIsNoNumber() {
		TransportMessage message = new TransportMessage("orders", bytes("{}"), Map.of(KafkaRecords.PARTITION, "first"),
				null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaRecords.toRecord(message))
			.withMessage("The kafka_partitionId header must be a partition number, got 'first'");
	}

	@Test
	void treatsATombstoneAsAnEmptyPayloadAndSkipsHeadersWithoutValue() {
		ConsumerRecord<byte[], byte[]> record = record("orders", null, null);
		record.headers().add("x-empty", null);
		TransportMessage message = KafkaRecords.toMessage(record);
		assertThat(message.payload()).isEmpty();
		assertThat(message.headers()).isEmpty();
		assertThat(message.key()).isNull();
	}

	private static ConsumerRecord<byte[], byte[]> record(String topic, byte[] key, byte[] value) {
		return new ConsumerRecord<>(topic, 0, 0L, key, value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
