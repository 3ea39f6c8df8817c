package dev.choreo.autoconfigure.stream;

import dev.choreo.Harness;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.stream.StreamTransport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code streamHarness}: topics are Spring Cloud Stream binding
 * destinations, published through the application's {@link StreamBridge} and received
 * through consumer bindings of its own on the application's binder
 * ({@code choreo.stream.binder}, or the default one), so any binder works.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class,
		afterName = "org.springframework.cloud.stream.function.FunctionConfiguration")
@ConditionalOnClass({ StreamBridge.class, StreamTransport.class })
@ConditionalOnProperty(name = "choreo.stream.enabled", matchIfMissing = true)
public final class ChoreoStreamAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "streamHarness")
	@ConditionalOnBean(StreamBridge.class)
	Harness streamHarness(HarnessFactory harnesses, ApplicationContext context, ChoreoProperties properties) {
		StreamTransport.Builder builder = StreamTransport.builder(context);
		String binder = properties.getStream().getBinder();
		if (binder != null && !binder.isBlank()) {
			builder.binder(binder);
		}
		return harnesses.connect("stream", builder.build());
	}

}
