package dev.choreo.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStartingEvent;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The application's Kafka listener containers: those of {@code @KafkaListener} methods,
 * container beans, and containers that announced their start in the context (such as
 * Spring Cloud Stream's Kafka binder's). A running container that subscribes to topics
 * through a consumer group is ready once it has partitions assigned, which is what
 * {@code ContainerTestUtils.waitForAssignment} checks by hand. Containers with explicit
 * partitions need no group join; those that subscribe to a pattern may legitimately have
 * none, and are not awaited.
 */
final class KafkaListenerProbe implements ListenerProbe, ApplicationListener<ConsumerStartingEvent> {

	private final ListableBeanFactory beanFactory;

	private final Set<MessageListenerContainer> started = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	KafkaListenerProbe(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void onApplicationEvent(ConsumerStartingEvent event) {
		MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
		this.started.add(container);
	}

	@Override
	public List<String> pending() {
		List<String> pending = new ArrayList<>();
		for (MessageListenerContainer container : containers()) {
			if (isAwaited(container) && isEmpty(container.getAssignedPartitions())) {
				pending.add("Kafka listener '" + name(container) + "' (" + subscription(container)
						+ ") had no partitions assigned");
			}
		}
		return pending;
	}

	private Collection<MessageListenerContainer> containers() {
		Set<MessageListenerContainer> containers = Collections.newSetFromMap(new IdentityHashMap<>());
		for (KafkaListenerEndpointRegistry registry : this.beanFactory
			.getBeansOfType(KafkaListenerEndpointRegistry.class, false, false)
			.values()) {
			containers.addAll(registry.getAllListenerContainers());
		}
		containers.addAll(this.beanFactory.getBeansOfType(MessageListenerContainer.class, false, false).values());
		synchronized (this.started) {
			containers.addAll(this.started);
		}
		return containers;
	}

	private static boolean isAwaited(MessageListenerContainer container) {
		if (!container.isRunning()) {
			return false;
		}
		ContainerProperties properties = container.getContainerProperties();
		return properties.getTopicPartitions() == null && properties.getTopicPattern() == null
				&& properties.getTopics() != null;
	}

	private static boolean isEmpty(@Nullable Collection<?> partitions) {
		return partitions == null || partitions.isEmpty();
	}

	private static String name(MessageListenerContainer container) {
		String id = container.getListenerId();
		if (id != null) {
			return id;
		}
		if (container instanceof AbstractMessageListenerContainer<?, ?> abstractContainer) {
			return abstractContainer.getBeanName();
		}
		return container.toString();
	}

	private static String subscription(MessageListenerContainer container) {
		ContainerProperties properties = container.getContainerProperties();
		String[] topics = properties.getTopics();
		String text = "topics "
				+ String.join(", ", new LinkedHashSet<>(List.of((topics != null) ? topics : new String[0])));
		String group = container.getGroupId();
		return (group != null) ? text + ", group " + group : text;
	}

}
