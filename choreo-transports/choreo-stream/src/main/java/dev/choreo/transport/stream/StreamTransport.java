package dev.choreo.transport.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.choreo.internal.Redaction;
import dev.choreo.transport.Endpoint;
import dev.choreo.transport.InboundHandler;
import dev.choreo.transport.PublishCallback;
import dev.choreo.transport.SafeUrl;
import dev.choreo.transport.Subscription;
import dev.choreo.transport.Transport;
import dev.choreo.transport.TransportCapabilities;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportListener;
import dev.choreo.transport.TransportMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.MessageChannel;
import org.springframework.util.ClassUtils;

/**
 * A transport over the application's Spring Cloud Stream binder, whatever broker it talks
 * to: topics are binding destinations, messages go out through the application's
 * {@link StreamBridge} and come in through consumer bindings the transport creates on the
 * binder at run time, so a test expects and publishes on destinations without knowing the
 * broker. <pre class="code">
 * Transport stream = StreamTransport.builder(applicationContext)
 *     .binder("kafka")                       // default: the application's default binder
 *     .subscribeTimeout(Duration.ofSeconds(30))
 *     .build();
 * try (Harness harness = Harness.builder(stream).build().connect();
 *         Scenario scenario = harness.scenario("uppercase")) {
 *     scenario.expect("words.upper", payloadContains("HELLO"));
 *     scenario.publish("words", "hello")            // text/plain, so a Function&lt;String, String&gt; gets "hello"
 *         .awaitAll(Duration.ofSeconds(10))
 *         .assertPassed();
 * }
 * </pre>
 * <p>
 * <b>Subscriptions.</b> Each subscription is a consumer binding of its own, in an
 * anonymous group (unless {@link Builder#consumerGroup(String)} names one), so every
 * subscription gets every message; on RabbitMQ the group is a unique one whose queue is
 * neither durable nor kept once its consumer goes, since the binder's anonymous queues
 * ask for a queue leader locator that RabbitMQ before 3.12 refuses.
 * {@link #subscribe(String, InboundHandler)} completes only once the binding consumes: on
 * the Kafka binder once its partitions are assigned and positioned at the latest offset,
 * on the RabbitMQ binder once its queue is declared and bound and the broker counts its
 * consumer. On other binders (the test binder included) the binding counts as consuming
 * when the binder returns it. Inbound headers arrive as strings (byte values decoded as
 * UTF-8); Kafka keys and RabbitMQ reply addresses are mapped to the message's key and
 * reply address.
 * <p>
 * <b>Publishing.</b> The payload bytes are sent as they are, with the headers as message
 * headers (and a Kafka key as the binder's {@code kafka_messageKey} header, a reply
 * address as RabbitMQ's {@code amqp_replyTo}). The content type is the message's
 * {@code contentType} header when it has one; otherwise it follows from the bytes the
 * codec wrote: {@code application/json} for a JSON object or array (a map, a list, a
 * record or a bean), {@code text/plain;charset=UTF-8} for other UTF-8 text (a
 * {@code String} payload), {@code application/octet-stream} for other bytes, and it is
 * set as the message's {@code contentType} header, so a function that takes a
 * {@code String} receives the text and one that takes a record receives it decoded.
 * {@link PublishCallback#onSent()} runs once {@link StreamBridge#send} returned
 * {@code true}: the Kafka binder sends asynchronously by default, so that means handed to
 * the producer (set the binding's {@code producer.sync=true} to wait for the broker), the
 * RabbitMQ binder writes to the channel (publisher confirms are the application's
 * setting), so a publish the broker refuses afterwards, such as one to an exchange it
 * would not declare, closes the channel but is reported as sent. A {@code false} return
 * or an exception (a topic name the binder refuses, a broker it cannot reach) is reported
 * to {@link PublishCallback#onError(Throwable)}. The output bindings the bridge creates
 * for the destinations belong to the application's bridge and outlive the transport, as
 * the bridge's own cache decides.
 * <p>
 * <b>Endpoints.</b> Read from the binder's configuration without creating it: Kafka
 * brokers ({@code spring.cloud.stream.kafka.binder.brokers}, else Boot's Kafka connection
 * details), RabbitMQ addresses (Boot's RabbitMQ connection details, or
 * {@code spring.rabbitmq.*} in a binder environment of its own). The test binder has
 * none, and so has any other binder: the transport cannot tell where it connects, so such
 * a binder is not checked against the allowlist.
 * <p>
 * <b>Connecting.</b> {@link #connect(TransportListener)} needs a {@link StreamBridge} and
 * a binder in the application, and on Kafka and RabbitMQ checks that the broker answers;
 * the binder configures broker credentials, so the transport takes none. Connection loss
 * and recovery are reported on RabbitMQ, whose connection factory exposes them.
 * {@link #close()} unbinds every consumer binding the transport created and never touches
 * the application's own bindings.
 *
 * @since 0.1.0
 */
public final class StreamTransport implements Transport {

	private static final String KAFKA_BINDER = "org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder";

	private static final String RABBIT_BINDER = "org.springframework.cloud.stream.binder.rabbit.RabbitMessageChannelBinder";

	private final ApplicationContext context;

	private final @Nullable String binderName;

	private final @Nullable String group;

	private final Duration subscribeTimeout;

	private final Duration connectTimeout;

	private final Set<StreamSubscription> subscriptions = ConcurrentHashMap.newKeySet();

	private final AtomicLong bindings = new AtomicLong();

	private volatile @Nullable BinderSelection selection;

	private volatile @Nullable BinderSupport support;

	private volatile @Nullable StreamBridge bridge;

	private volatile @Nullable Binder<MessageChannel, ConsumerProperties, ProducerProperties> binder;

	private StreamTransport(Builder builder) {
		this.context = builder.context;
		this.binderName = builder.binderName;
		this.group = builder.group;
		this.subscribeTimeout = builder.subscribeTimeout;
		this.connectTimeout = builder.connectTimeout;
	}

	/**
	 * Start building a transport over an application's Spring Cloud Stream setup.
	 * @param context the application context that holds the {@link StreamBridge} and the
	 * binder factory
	 * @return the builder
	 */
	public static Builder builder(ApplicationContext context) {
		return new Builder(Objects.requireNonNull(context, "context"));
	}

	@Override
	public String name() {
		return "stream";
	}

	@Override
	public List<Endpoint> endpoints() {
		return support().endpoints();
	}

	@Override
	public synchronized void connect(TransportListener listener) {
		Objects.requireNonNull(listener, "listener");
		if (this.bridge != null) {
			return;
		}
		StreamBridge bridge = this.context.getBeanProvider(StreamBridge.class).getIfAvailable();
		BinderFactory factory = this.context.getBeanProvider(BinderFactory.class).getIfAvailable();
		if (bridge == null || factory == null) {
			throw new TransportException("The application has no Spring Cloud Stream "
					+ ((bridge == null) ? "StreamBridge" : "BinderFactory")
					+ ": add spring-cloud-stream and a binder (such as spring-cloud-stream-binder-kafka or"
					+ " spring-cloud-stream-binder-rabbit) to the application");
		}
		Binder<MessageChannel, ConsumerProperties, ProducerProperties> binder = binder(factory);
		BinderSupport support = support();
		support.probe(binder, this.connectTimeout);
		support.listen(binder, listener);
		this.binder = binder;
		this.bridge = bridge;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Binder<MessageChannel, ConsumerProperties, ProducerProperties> binder(BinderFactory factory) {
		String name = this.binderName;
		try {
			Binder found = factory.getBinder(name, DirectWithAttributesChannel.class);
			return found;
		}
		catch (RuntimeException ex) {
			throw new TransportException("No Spring Cloud Stream binder" + ((name != null) ? " '" + name + "'" : "")
					+ " is available: add a binder to the application (such as spring-cloud-stream-binder-kafka or"
					+ " spring-cloud-stream-binder-rabbit) and, when it has several, set"
					+ " spring.cloud.stream.default-binder or StreamTransport.builder(context).binder(name) ("
					+ describe(ex) + ")");
		}
	}

	private BinderSelection selection() {
		BinderSelection selection = this.selection;
		if (selection == null) {
			selection = BinderSelection.resolve(this.context, this.binderName);
			this.selection = selection;
		}
		return selection;
	}

	private BinderSupport support() {
		BinderSupport support = this.support;
		if (support == null) {
			support = createSupport(selection());
			this.support = support;
		}
		return support;
	}

	private BinderSupport createSupport(BinderSelection selection) {
		ClassLoader classLoader = this.context.getClassLoader();
		if (selection.kind() == BinderKind.KAFKA && ClassUtils.isPresent(KAFKA_BINDER, classLoader)) {
			return new KafkaBinderSupport(this.context, selection);
		}
		if (selection.kind() == BinderKind.RABBIT && ClassUtils.isPresent(RABBIT_BINDER, classLoader)) {
			return new RabbitBinderSupport(this.context, selection);
		}
		return new GenericBinderSupport();
	}

	@Override
	public boolean isConnected() {
		return this.bridge != null;
	}

	@Override
	public CompletionStage<Subscription> subscribe(String topic, InboundHandler handler) {
		Objects.requireNonNull(handler, "handler");
		Binder<MessageChannel, ConsumerProperties, ProducerProperties> binder = requireBinder(
				"subscribe to '" + topic + "'");
		BinderSupport support = support();
		DirectWithAttributesChannel channel = new DirectWithAttributesChannel();
		channel.setComponentName("choreo." + topic);
		channel.subscribe((message) -> handler.onMessage(StreamMessages.inbound(topic, message, support)));
		BinderSupport.ConsumerSetup setup = support.consumerSetup(binder, topic,
				"choreo." + topic + "." + this.bindings.incrementAndGet(), this.group);
		StreamSubscription subscription;
		try {
			subscription = new StreamSubscription(topic,
					binder.bindConsumer(topic, setup.group(), channel, setup.properties()), this.subscriptions);
		}
		catch (RuntimeException ex) {
			return CompletableFuture
				.failedFuture(new TransportException("Could not bind a consumer to '" + topic + "': " + describe(ex)));
		}
		finally {
			setup.afterBind().run();
		}
		this.subscriptions.add(subscription);
		return awaitConsuming(subscription, setup);
	}

	private CompletionStage<Subscription> awaitConsuming(StreamSubscription subscription,
			BinderSupport.ConsumerSetup setup) {
		try {
			setup.readiness().await(this.subscribeTimeout);
			return CompletableFuture.completedFuture(subscription);
		}
		catch (TimeoutException ex) {
			subscription.unsubscribe();
			return CompletableFuture.failedFuture(new TransportException("The consumer binding for '"
					+ subscription.topic() + "' was not consuming within " + this.subscribeTimeout.toMillis() + "ms"));
		}
		catch (ExecutionException ex) {
			subscription.unsubscribe();
			return CompletableFuture
				.failedFuture(new TransportException("The consumer binding for '" + subscription.topic()
						+ "' failed to start: " + describe((ex.getCause() != null) ? ex.getCause() : ex)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			subscription.unsubscribe();
			return CompletableFuture.failedFuture(
					new TransportException("Interrupted while subscribing to '" + subscription.topic() + "'"));
		}
	}

	@Override
	public void publish(TransportMessage message, PublishCallback callback) {
		StreamBridge bridge = this.bridge;
		if (bridge == null) {
			throw notConnected("publish to '" + message.topic() + "'");
		}
		boolean sent;
		try {
			sent = bridge.send(message.topic(), this.binderName, StreamMessages.outbound(message, support()),
					StreamMessages.contentType(message));
		}
		catch (RuntimeException ex) {
			callback.onError(new TransportException(
					"The StreamBridge could not send to '" + message.topic() + "': " + describe(ex)));
			return;
		}
		if (sent) {
			callback.onSent();
		}
		else {
			callback.onError(new TransportException("The StreamBridge did not send to '" + message.topic() + "'"));
		}
	}

	private Binder<MessageChannel, ConsumerProperties, ProducerProperties> requireBinder(String action) {
		Binder<MessageChannel, ConsumerProperties, ProducerProperties> binder = this.binder;
		if (binder == null) {
			throw notConnected(action);
		}
		return binder;
	}

	private static TransportException notConnected(String action) {
		return new TransportException("The Spring Cloud Stream transport is not connected; cannot " + action);
	}

	@Override
	public TransportCapabilities capabilities() {
		BinderSupport support = support();
		return new TransportCapabilities(true, support.keys(), false, support.replyTo(), this.group == null, true);
	}

	@Override
	public synchronized void close() {
		this.bridge = null;
		this.binder = null;
		BinderSupport support = this.support;
		if (support != null) {
			support.stopListening();
		}
		for (StreamSubscription subscription : List.copyOf(this.subscriptions)) {
			try {
				subscription.unsubscribe();
			}
			catch (RuntimeException ex) {
				// the application is closing its binder: its bindings go with it
			}
		}
	}

	@Override
	public String toString() {
		BinderSelection selection = this.selection;
		String binder = (selection != null) ? String.valueOf(selection.name()) : String.valueOf(this.binderName);
		return "StreamTransport[binder=" + binder + ", connected=" + isConnected() + "]";
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		String text = ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return Redaction.scrub(SafeUrl.redact(text), null);
	}

	/**
	 * One consumer binding; unbinding it stops delivery and lets the binder release the
	 * broker-side resources (Kafka group membership, RabbitMQ queue).
	 */
	private static final class StreamSubscription implements Subscription {

		private final String topic;

		private final org.springframework.cloud.stream.binder.Binding<MessageChannel> binding;

		private final Set<StreamSubscription> owner;

		private final AtomicBoolean unbound = new AtomicBoolean();

		StreamSubscription(String topic, org.springframework.cloud.stream.binder.Binding<MessageChannel> binding,
				Set<StreamSubscription> owner) {
			this.topic = topic;
			this.binding = binding;
			this.owner = owner;
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void unsubscribe() {
			if (this.unbound.compareAndSet(false, true)) {
				this.owner.remove(this);
				this.binding.unbind();
			}
		}

	}

	/**
	 * Builds a {@link StreamTransport}.
	 */
	public static final class Builder {

		private final ApplicationContext context;

		private @Nullable String binderName;

		private @Nullable String group;

		private Duration subscribeTimeout = Duration.ofSeconds(30);

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Builder(ApplicationContext context) {
			this.context = context;
		}

		/**
		 * Use a named binder configuration, such as {@code kafka}, {@code rabbit} or one
		 * of {@code spring.cloud.stream.binders.*} (default: the application's default
		 * binder).
		 * @param name the binder configuration name
		 * @return this builder
		 */
		public Builder binder(String name) {
			this.binderName = Objects.requireNonNull(name, "name");
			return this;
		}

		/**
		 * Subscribe in a named consumer group instead of an anonymous one per
		 * subscription. Subscriptions in one group share the messages, so the transport
		 * no longer fans out; on RabbitMQ the group's queue is durable and outlives the
		 * transport.
		 * @param group the consumer group
		 * @return this builder
		 */
		public Builder consumerGroup(String group) {
			this.group = Objects.requireNonNull(group, "group");
			return this;
		}

		/**
		 * Set how long a subscription may take to start consuming (default 30 seconds; on
		 * Kafka it includes creating the topic and joining the consumer group).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder subscribeTimeout(Duration timeout) {
			this.subscribeTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Set how long the broker check in {@link StreamTransport#connect} may take
		 * (default 10 seconds).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Build the transport.
		 * @return the transport
		 */
		public StreamTransport build() {
			return new StreamTransport(this);
		}

	}

}
