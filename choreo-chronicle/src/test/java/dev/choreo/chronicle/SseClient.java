package dev.choreo.chronicle;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A Server-Sent Events client over the JDK HTTP client: reads the stream on a thread of
 * its own and hands out events and comments in the order they arrive. Each read waits at
 * most a generous deadline, so a missing event fails the test instead of hanging it.
 */
final class SseClient implements AutoCloseable {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final int status;

	private SseClient(Api api, String token, String query, String lastEventId) {
		HttpRequest.Builder request = api.request("/api/v1/stream" + query, token)
			.timeout(Duration.ofMinutes(5))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = api.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		HttpResponse<Stream<String>> answered = this.response.orTimeout(30, TimeUnit.SECONDS).join();
		this.status = answered.statusCode();
		Thread reader = new Thread(() -> read(answered.body()), "sse-test-reader");
		reader.setDaemon(true);
		reader.start();
	}

	static SseClient open(Api api, String token) {
		return open(api, token, "", null);
	}

	/**
	 * Open a stream and wait for its "connected" comment, so the subscription is in
	 * place.
	 */
	static SseClient open(Api api, String token, String query, String lastEventId) {
		SseClient client = new SseClient(api, token, query, lastEventId);
		if (client.status == 200) {
			Item first = client.next();
			if (!"connected".equals(first.comment())) {
				throw new IllegalStateException("Expected the connected comment, got " + first);
			}
		}
		return client;
	}

	int status() {
		return this.status;
	}

	/**
	 * The next event, skipping heartbeat comments. The deadline covers the whole wait:
	 * heartbeats arriving meanwhile do not extend it.
	 */
	Item nextEvent() {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		Item item = next(deadline);
		while (item.comment() != null) {
			item = next(deadline);
		}
		return item;
	}

	Item next() {
		return next(System.nanoTime() + DEADLINE.toNanos());
	}

	private Item next(long deadline) {
		try {
			Item item = this.items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (item == null) {
				throw new AssertionError("Nothing arrived on the event stream within " + DEADLINE);
			}
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void read(Stream<String> lines) {
		String id = null;
		String event = null;
		StringBuilder data = new StringBuilder();
		try {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.startsWith(":")) {
					this.items.add(new Item(null, null, null, line.substring(1).trim()));
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("event:")) {
					event = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
				else if (line.isEmpty() && event != null) {
					this.items.add(new Item(id, event, data.toString(), null));
					id = null;
					event = null;
					data.setLength(0);
				}
			}
		}
		catch (RuntimeException ex) {
			// the stream was closed
		}
	}

	@Override
	public void close() {
		this.response.thenAccept((answered) -> answered.body().close());
		this.response.cancel(true);
	}

	record Item(String id, String event, String data, String comment) {

		JsonNode json() {
			return Api.mapper.readTree(this.data);
		}

	}

}
