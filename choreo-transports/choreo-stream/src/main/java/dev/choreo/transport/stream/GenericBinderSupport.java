package dev.choreo.transport.stream;

import java.util.List;

import dev.choreo.transport.Endpoint;
import org.jspecify.annotations.Nullable;

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

	/**
	 * Use the binder's extended consumer properties for the destination (one entry per
	 * destination in the binder's properties, not one per subscription), with the
	 * subscription's own binding name.
	 */
	@Override
	public ConsumerSetup consumerSetup(Binder<?, ?, ?> binder, String destination, String bindingName,
			@Nullable String group) {
		ConsumerProperties properties = (binder instanceof ExtendedPropertiesBinder<?, ?, ?> extended)
				? new ExtendedConsumerProperties<>(extended.getExtendedConsumerProperties("choreo." + destination))
				: new ConsumerProperties();
		return ConsumerSetup.readyOnBind(BinderSupport.base(properties, bindingName), group);
	}

}
