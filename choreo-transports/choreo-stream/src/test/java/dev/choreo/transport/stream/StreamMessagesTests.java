package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.choreo.transport.TransportMessage;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content type a publish goes out with when the message names none: what the bytes
 * the JSON codec wrote are.
 */
class StreamMessagesTests {

	private static TransportMessage message(String text) {
		return TransportMessage.of("t", text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void textIsPlainTextInUtf8() {
		assertThat(StreamMessages.contentType(message("hello"))).hasToString("text/plain;charset=UTF-8");
		assertThat(StreamMessages.contentType(message("caf\u00e9 {not json}"))).hasToString("text/plain;charset=UTF-8");
		assertThat(StreamMessages.contentType(message("{not json}"))).hasToString("text/plain;charset=UTF-8");
		assertThat(StreamMessages.contentType(message("42"))).hasToString("text/plain;charset=UTF-8");
		assertThat(StreamMessages.contentType(message(""))).hasToString("text/plain;charset=UTF-8");
	}

	@Test
	void aJsonObjectOrArrayIsJson() {
		assertThat(StreamMessages.contentType(message("{\"word\":\"hello\"}"))).hasToString("application/json");
		assertThat(StreamMessages.contentType(message(" [1, {\"a\": null}]\n"))).hasToString("application/json");
	}

	@Test
	void otherBytesAreAnOctetStream() {
		assertThat(StreamMessages.contentType(TransportMessage.of("t", new byte[] { 0, 1, (byte) 0xff })))
			.hasToString("application/octet-stream");
	}

	@Test
	void theMessagesOwnContentTypeWins() {
		TransportMessage message = new TransportMessage("t", "{}".getBytes(StandardCharsets.UTF_8),
				Map.of(MessageHeaders.CONTENT_TYPE, "application/vnd.orders+json"), null, null);
		assertThat(StreamMessages.contentType(message)).hasToString("application/vnd.orders+json");
	}

	@Test
	void theContentTypeIsSetOnTheOutgoingMessage() {
		Message<byte[]> outgoing = StreamMessages.outbound(message("hello"), new GenericBinderSupport());
		assertThat(outgoing.getHeaders().get(MessageHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
	}

}
