package dev.choreo.autoconfigure.nats;

import java.util.List;

import dev.choreo.Harness;
import dev.choreo.auth.AuthResolver;
import dev.choreo.auth.NatsAuth;
import dev.choreo.autoconfigure.ChoreoAutoConfiguration;
import dev.choreo.autoconfigure.ChoreoProperties;
import dev.choreo.autoconfigure.HarnessFactory;
import dev.choreo.transport.nats.NatsTransport;
import io.nats.client.Connection;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the {@code natsHarness}: over the application's NATS
 * {@link Connection} when it has one, otherwise over a connection of its own built from
 * {@link NatsConnectionDetails} ({@code choreo.nats.*} properties or a service
 * connection).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ChoreoAutoConfiguration.class)
@ConditionalOnClass({ Connection.class, NatsTransport.class })
@ConditionalOnProperty(name = "choreo.nats.enabled", matchIfMissing = true)
public final class ChoreoNatsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(NatsConnectionDetails.class)
	@Conditional(NatsServersConfigured.class)
	PropertiesNatsConnectionDetails choreoNatsConnectionDetails(ChoreoProperties properties) {
		return new PropertiesNatsConnectionDetails(properties.getNats());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(name = "natsHarness")
	@Conditional(NatsConfigured.class)
	Harness natsHarness(HarnessFactory harnesses, ObjectProvider<Connection> connection,
			ObjectProvider<NatsConnectionDetails> details, ChoreoProperties properties, BeanFactory beanFactory) {
		Connection existing = connection.getIfUnique();
		if (existing != null) {
			return harnesses.connect("nats", NatsTransport.using(existing), "the application's NATS Connection bean");
		}
		NatsConnectionDetails connectionDetails = details.getObject();
		String configuredBy = (connectionDetails instanceof PropertiesNatsConnectionDetails) ? "choreo.nats.servers"
				: "a service connection (" + connectionDetails.getClass().getSimpleName() + ")";
		return harnesses.connect("nats", transport(connectionDetails, properties.getNats(), beanFactory), configuredBy);
	}

	private static NatsTransport transport(NatsConnectionDetails details, ChoreoProperties.Nats properties,
			BeanFactory beanFactory) {
		if (details.getServers().isEmpty()) {
			throw new IllegalStateException("NATS connection details name no server; set choreo.nats.servers, for"
					+ " example nats://localhost:4222");
		}
		NatsTransport.Builder builder = NatsTransport.builder(details.getServers().toArray(String[]::new))
			.connectTimeout(properties.getConnectTimeout());
		AuthResolver<?> auth = auth(details, properties, beanFactory);
		if (auth != null) {
			builder.auth(auth);
		}
		return builder.build();
	}

	private static @Nullable AuthResolver<?> auth(NatsConnectionDetails details, ChoreoProperties.Nats properties,
			BeanFactory beanFactory) {
		String resolver = properties.getAuthResolver();
		if (resolver != null) {
			if (!beanFactory.containsBean(resolver)) {
				throw new IllegalStateException("choreo.nats.auth-resolver names the bean '" + resolver
						+ "', but there is no such bean; define an AuthResolver<NatsAuth> bean with that name");
			}
			return beanFactory.getBean(resolver, AuthResolver.class);
		}
		String user = details.getUsername();
		String password = details.getPassword();
		String token = details.getToken();
		if (user != null && password != null) {
			return AuthResolver.from(() -> NatsAuth.userPassword(user, password));
		}
		if (token != null) {
			return AuthResolver.from(() -> NatsAuth.token(token));
		}
		return null;
	}

	/**
	 * {@code choreo.nats.servers} names at least one server, as a comma-separated value
	 * or a list.
	 */
	static final class NatsServersConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> servers = Binder.get(context.getEnvironment())
				.bind("choreo.nats.servers", Bindable.listOf(String.class))
				.orElse(List.of());
			return servers.isEmpty() ? ConditionOutcome.noMatch("choreo.nats.servers is not set")
					: ConditionOutcome.match("choreo.nats.servers is set");
		}

	}

	/**
	 * NATS is configured when the application has a NATS connection or connection
	 * details.
	 */
	static final class NatsConfigured extends AnyNestedCondition {

		NatsConfigured() {
			super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(Connection.class)
		static final class HasConnection {

		}

		@ConditionalOnBean(NatsConnectionDetails.class)
		static final class HasConnectionDetails {

		}

	}

}
