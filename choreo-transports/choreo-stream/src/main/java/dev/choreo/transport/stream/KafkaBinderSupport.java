package dev.choreo.transport.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.choreo.transport.Endpoint;
import dev.choreo.transport.EndpointCategory;
import dev.choreo.transport.TransportException;
import dev.choreo.transport.TransportMessage;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.AdminClientConfigCustomizer;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The Kafka binder. Its configuration is read with the binder's own property classes
 * (brokers from {@code spring.cloud.stream.kafka.binder.brokers}, else Boot's
 * {@code spring.kafka.*} or the application's {@link KafkaConnectionDetails}); the broker
 * check asks the cluster for its nodes with an admin client built like the binder's. Each
 * subscription is an anonymous consumer group that starts at the latest offset; it counts
 * as consuming once its partitions are assigned and positioned, which a per-binding error
 * handler (named through the binding's {@code commonErrorHandlerBeanName}) sees at the
 * end of the rebalance.
 */
final class KafkaBinderSupport implements BinderSupport {

	private static final String BINDER_PREFIX = "spring.cloud.stream.kafka.binder";

	private final ApplicationContext context;

	private final BinderSelection selection;

	KafkaBinderSupport(ApplicationContext context, BinderSelection selection) {
		this.context = context;
		this.selection = selection;
	}

	@Override
	public List<Endpoint> endpoints() {
		KafkaBinderConfigurationProperties properties = binderProperties();
		Set<String> servers = new LinkedHashSet<>();
		servers.addAll(bootstrapServers(properties.mergedConsumerConfiguration()));
		servers.addAll(bootstrapServers(properties.mergedProducerConfiguration()));
		servers.addAll(bootstrapServers(adminProperties(properties)));
		return servers.stream().map((server) -> new Endpoint(EndpointCategory.KAFKA, server)).toList();
	}

	@Override
	public boolean keys() {
		return true;
	}

	@Override
	public void probe(Binder<?, ?, ?> binder, Duration timeout) {
		Map<String, Object> admin = new HashMap<>(adminProperties(binderProperties()));
		int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		int setup = Math.min(millis, 1000);
		admin.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, setup);
		admin.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, setup);
		Admin client = Admin.create(admin);
		try {
			client.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
				.nodes()
				.get(millis + 1000L, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new TransportException(
					"The Kafka binder's brokers " + bootstrapServers(admin) + " did not answer within " + millis
							+ "ms: " + StreamTransport.describe((ex.getCause() != null) ? ex.getCause() : ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException("Interrupted while checking the Kafka binder's brokers");
		}
		finally {
			client.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public ConsumerSetup consumerSetup(Binder<?, ?, ?> binder, String destination, String bindingName,
			@Nullable String group) {
		if (!(this.context.getAutowireCapableBeanFactory() instanceof DefaultListableBeanFactory beanFactory)) {
			throw new TransportException(
					"The Kafka binder needs an application context with a DefaultListableBeanFactory"
							+ " to tell when a subscription is consuming");
		}
		KafkaAssignmentHandler handler = new KafkaAssignmentHandler();
		String beanName = "choreo.stream.assignment." + UUID.randomUUID();
		beanFactory.registerSingleton(beanName, handler);
		KafkaConsumerProperties kafka = new KafkaConsumerProperties();
		kafka.setStartOffset(KafkaConsumerProperties.StartOffset.latest);
		kafka.setResetOffsets(false);
		kafka.setEnableDlq(false);
		kafka.setAutoRebalanceEnabled(true);
		kafka.setCommonErrorHandlerBeanName(beanName);
		ExtendedConsumerProperties<KafkaConsumerProperties> properties = BinderSupport
			.base(new ExtendedConsumerProperties<>(kafka), bindingName);
		return new ConsumerSetup(properties, group,
				(timeout) -> handler.assigned().get(timeout.toMillis(), TimeUnit.MILLISECONDS),
				() -> beanFactory.destroySingleton(beanName));
	}

	@Override
	public void outbound(TransportMessage message, MessageBuilder<byte[]> builder) {
		if (message.key() != null) {
			builder.setHeader(KafkaHeaders.KEY, message.key().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Override
	public @Nullable String key(MessageHeaders headers) {
		return StreamMessages.text(headers.get(KafkaHeaders.RECEIVED_KEY));
	}

	private KafkaBinderConfigurationProperties binderProperties() {
		org.springframework.boot.context.properties.bind.Binder binder = org.springframework.boot.context.properties.bind.Binder
			.get(this.selection.environment());
		KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
		KafkaBinderConfigurationProperties properties = new KafkaBinderConfigurationProperties(kafka,
				connectionDetails());
		binder.bind(BINDER_PREFIX, Bindable.ofInstance(properties));
		return properties;
	}

	private ObjectProvider<KafkaConnectionDetails> connectionDetails() {
		return this.selection.ownEnvironment()
				? new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class)
				: this.context.getBeanProvider(KafkaConnectionDetails.class);
	}

	private Map<String, Object> adminProperties(KafkaBinderConfigurationProperties properties) {
		List<AdminClientConfigCustomizer> customizers = this.context.getBeanProvider(AdminClientConfigCustomizer.class)
			.orderedStream()
			.toList();
		return new KafkaTopicProvisioner(properties, properties.getKafkaProperties(),
				connectionDetails().getIfAvailable(), customizers)
			.getAdminClientProperties();
	}

	private static List<String> bootstrapServers(Map<String, Object> configuration) {
		Object value = configuration.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		List<String> servers = new ArrayList<>();
		if (value instanceof Iterable<?> values) {
			values.forEach((server) -> servers.addAll(split(String.valueOf(server))));
		}
		else if (value != null) {
			servers.addAll(split(value.toString()));
		}
		return servers;
	}

	private static List<String> split(String servers) {
		return java.util.Arrays.stream(servers.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

}
