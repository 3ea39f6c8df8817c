package dev.choreo.transport.stream;

import java.util.List;

import dev.choreo.transport.Endpoint;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;

/**
 * Any binder the transport has no special knowledge of, and the test binder: no endpoints
 * (the transport cannot tell where such a binder connects), no broker check, and a
 * consumer binding counts as consuming once the binder returned it.
 */
final class GenericBinderSupport implements BinderSupport {

	@Override
	public List<Endpoint> endpoints() {
		return List.of();
	}

	@Override
	public ConsumerSetup consumerSetup(Binder<?, ?, ?> binder, String bindingName) {
		ConsumerProperties properties = (binder instanceof ExtendedPropertiesBinder<?, ?, ?> extended)
				? new ExtendedConsumerProperties<>(extended.getExtendedConsumerProperties(bindingName))
				: new ConsumerProperties();
		return ConsumerSetup.readyOnBind(BinderSupport.base(properties, bindingName));
	}

}
