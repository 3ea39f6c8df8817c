package dev.choreo.autoconfigure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The application's RabbitMQ listener containers: those of {@code @RabbitListener}
 * methods and container beans. A running container is ready once it consumes: a simple
 * container has an active consumer, a direct container is active.
 */
final class RabbitListenerProbe implements ListenerProbe {

	private final ListableBeanFactory beanFactory;

	RabbitListenerProbe(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public List<String> pending() {
		// keyed by Object: the registry's container type moved between Spring AMQP lines
		// (a rabbit.listener type in 4.0, a core one in 4.1); only the abstract container
		// is read
		Map<Object, String> containers = new IdentityHashMap<>();
		for (RabbitListenerEndpointRegistry registry : this.beanFactory
			.getBeansOfType(RabbitListenerEndpointRegistry.class, false, false)
			.values()) {
			// a plain loop over objects: a lambda would name the container type in its
			// signature, and that type is not the same class on every Spring AMQP line
			for (Object container : registry.getListenerContainers()) {
				containers.put(container, "");
			}
		}
		this.beanFactory.getBeansOfType(AbstractMessageListenerContainer.class, false, false)
			.forEach((name, container) -> containers.put(container, name));
		List<String> pending = new ArrayList<>();
		containers.forEach((container, beanName) -> {
			if (container instanceof AbstractMessageListenerContainer listener && listener.isRunning()
					&& !isConsuming(listener)) {
				pending.add("RabbitMQ listener '" + name(listener, beanName) + "' (queues "
						+ String.join(", ", listener.getQueueNames()) + ") had no active consumer");
			}
		});
		return pending;
	}

	private static boolean isConsuming(AbstractMessageListenerContainer container) {
		if (container instanceof SimpleMessageListenerContainer simple) {
			return simple.getActiveConsumerCount() > 0;
		}
		return container.isActive();
	}

	private static String name(AbstractMessageListenerContainer container, String beanName) {
		String id = container.getListenerId();
		return (id != null && !id.isEmpty()) ? id : beanName;
	}

}
