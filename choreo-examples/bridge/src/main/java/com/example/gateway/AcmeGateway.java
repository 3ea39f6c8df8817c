package com.example.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Translates between the acme protocol on NATS and domain events on Kafka.
 * <ul>
 * <li>a telemetry frame on {@code acme.telemetry} becomes a reading on
 * {@code devices.readings};</li>
 * <li>a command on {@code devices.commands} names several devices: it is fanned out as
 * one frame per device on {@code acme.cmd};</li>
 * <li>each device's acknowledgement on {@code acme.ack} becomes a result on
 * {@code devices.command-results}.</li>
 * </ul>
 * The acme protocol keeps transaction ids in its own namespace: every id on the NATS side
 * starts with {@code acme-}. The gateway adds the prefix on the way to the devices and
 * removes it on the way back, so the domain side sees its own ids.
 */
@Component
class AcmeGateway implements DisposableBean {

	static final String PREFIX = "acme-";

	private final Connection nats;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final Dispatcher dispatcher;

	AcmeGateway(Connection nats, KafkaTemplate<String, String> kafka, JsonMapper json) throws Exception {
		this.nats = nats;
		this.kafka = kafka;
		this.json = json;
		this.dispatcher = nats.createDispatcher();
		this.dispatcher.subscribe("acme.telemetry", this::onTelemetry);
		this.dispatcher.subscribe("acme.ack", this::onAck);
		nats.flush(Duration.ofSeconds(5));
	}

	private void onTelemetry(Message message) {
		Map<?, ?> frame = this.json.readValue(message.getData(), Map.class);
		Map<String, Object> reading = new LinkedHashMap<>();
		reading.put("deviceId", frame.get("dev"));
		reading.put("celsius", ((Number) frame.get("v")).doubleValue() / 10);
		reading.put("correlation_id", fromAcme(frame.get("correlation_id")));
		this.kafka.send("devices.readings", String.valueOf(frame.get("dev")), this.json.writeValueAsString(reading));
	}

	@KafkaListener(topics = "devices.commands", groupId = "device-gateway")
	void onCommand(String payload) {
		Map<?, ?> command = this.json.readValue(payload, Map.class);
		for (Object deviceId : (List<?>) command.get("deviceIds")) {
			Map<String, Object> frame = new LinkedHashMap<>();
			frame.put("dev", deviceId);
			frame.put("op", "setpoint");
			frame.put("arg", Math.round(((Number) command.get("targetCelsius")).doubleValue() * 10));
			frame.put("cid", command.get("commandId"));
			frame.put("correlation_id", toAcme(command.get("correlation_id")));
			this.nats.publish("acme.cmd", this.json.writeValueAsString(frame).getBytes(StandardCharsets.UTF_8));
		}
	}

	private void onAck(Message message) {
		Map<?, ?> ack = this.json.readValue(message.getData(), Map.class);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("commandId", ack.get("cid"));
		result.put("deviceId", ack.get("dev"));
		result.put("status", Boolean.TRUE.equals(ack.get("ok")) ? "APPLIED" : "REFUSED");
		result.put("correlation_id", fromAcme(ack.get("correlation_id")));
		this.kafka.send("devices.command-results", String.valueOf(ack.get("dev")),
				this.json.writeValueAsString(result));
	}

	private static Object toAcme(Object id) {
		return (id != null) ? PREFIX + id : null;
	}

	private static Object fromAcme(Object id) {
		return (id instanceof String text && text.startsWith(PREFIX)) ? text.substring(PREFIX.length()) : id;
	}

	@Override
	public void destroy() {
		this.nats.closeDispatcher(this.dispatcher);
	}

}
