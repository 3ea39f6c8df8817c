package dev.choreo.examples.plainjunit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small quoting service with no framework at all, standing in for a service written
 * with Quarkus, Micronaut or in another language: it reads a quote request from
 * {@code quotes.requested}, asks the catalog for the unit price over NATS request/reply
 * on {@code catalog.price}, and publishes {@code quotes.issued} or
 * {@code quotes.rejected}. It copies the request's {@code correlation_id} into every
 * message it sends, as a traced service would.
 */
public final class QuoteService implements AutoCloseable {

	/** The subject quote requests arrive on. */
	public static final String REQUESTED = "quotes.requested";

	/** The subject the catalog answers price requests on. */
	public static final String CATALOG_PRICE = "catalog.price";

	/** The subject issued quotes go to. */
	public static final String ISSUED = "quotes.issued";

	/** The subject rejected requests go to. */
	public static final String REJECTED = "quotes.rejected";

	private static final String CORRELATION = "correlation_id";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Connection connection;

	private final Duration catalogTimeout;

	private QuoteService(Connection connection, Duration catalogTimeout) {
		this.connection = connection;
		this.catalogTimeout = catalogTimeout;
	}

	/**
	 * Connect to NATS and start serving.
	 * @param server the NATS server URL
	 * @param catalogTimeout how long to wait for the catalog's answer
	 * @return the running service
	 * @throws Exception if NATS cannot be reached
	 */
	public static QuoteService start(String server, Duration catalogTimeout) throws Exception {
		Connection connection = Nats
			.connect(new Options.Builder().server(server).connectionName("quote-service").build());
		QuoteService service = new QuoteService(connection, catalogTimeout);
		Dispatcher dispatcher = connection.createDispatcher(service::onRequest);
		dispatcher.subscribe(REQUESTED, "quote-service");
		connection.flush(Duration.ofSeconds(5));
		return service;
	}

	private void onRequest(Message message) {
		Map<String, Object> request = read(message.getData());
		Object correlation = request.get(CORRELATION);
		Object sku = request.get("sku");
		int quantity = (request.get("qty") instanceof Number number) ? number.intValue() : 0;
		if (quantity <= 0) {
			send(REJECTED, correlation, Map.of("sku", String.valueOf(sku), "reason", "quantity must be positive"));
			return;
		}
		Integer unitPrice = unitPrice(sku, correlation);
		if (unitPrice == null) {
			send(REJECTED, correlation, Map.of("sku", String.valueOf(sku), "reason", "the catalog did not answer"));
			return;
		}
		send(ISSUED, correlation, Map.of("sku", String.valueOf(sku), "qty", quantity, "total", unitPrice * quantity));
	}

	private Integer unitPrice(Object sku, Object correlation) {
		Map<String, Object> question = new LinkedHashMap<>();
		question.put("sku", sku);
		question.put(CORRELATION, correlation);
		try {
			Message answer = this.connection.request(CATALOG_PRICE, this.json.writeValueAsBytes(question))
				.get(this.catalogTimeout.toMillis(), TimeUnit.MILLISECONDS);
			return (read(answer.getData()).get("unitPrice") instanceof Number price) ? price.intValue() : null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private void send(String subject, Object correlation, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put(CORRELATION, correlation);
		this.connection.publish(subject, this.json.writeValueAsBytes(body));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(byte[] data) {
		return this.json.readValue(data, Map.class);
	}

	@Override
	public void close() throws InterruptedException {
		this.connection.close();
	}

}
