package dev.choreo.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * The application's Spring Cloud Stream consumer bindings: each one that starts
 * automatically is ready once it runs. (A Kafka binder's consumer also waits for its
 * partitions, through {@link KafkaListenerProbe}.)
 */
final class StreamBindingProbe implements ListenerProbe {

	private final ObjectProvider<BindingService> bindingService;

	StreamBindingProbe(ObjectProvider<BindingService> bindingService) {
		this.bindingService = bindingService;
	}

	@Override
	public List<String> pending() {
		BindingService service = this.bindingService.getIfAvailable();
		List<String> pending = new ArrayList<>();
		if (service == null) {
			return pending;
		}
		BindingServiceProperties properties = service.getBindingServiceProperties();
		for (String name : service.getConsumerBindingNames()) {
			ConsumerProperties consumer = properties.getConsumerProperties(name);
			if (!consumer.isAutoStartup()) {
				continue;
			}
			for (Binding<?> binding : service.getConsumerBindings(name)) {
				if (!binding.isRunning()) {
					pending.add("Spring Cloud Stream binding '" + name + "' (destination "
							+ properties.getBindingDestination(name) + ") was not running");
				}
			}
		}
		return pending;
	}

}
