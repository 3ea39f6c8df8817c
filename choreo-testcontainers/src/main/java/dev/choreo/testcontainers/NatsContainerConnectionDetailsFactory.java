package dev.choreo.testcontainers;

import java.util.List;

import dev.choreo.autoconfigure.nats.NatsConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Creates {@link NatsConnectionDetails} for a {@code @ServiceConnection}
 * {@link NatsContainer}.
 */
class NatsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<NatsContainer, NatsConnectionDetails> {

	@Override
	protected NatsConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<NatsContainer> source) {
		return new Details<>(source);
	}

	/**
	 * Creates {@link NatsConnectionDetails} for any other {@code @ServiceConnection}
	 * container whose image is {@code nats}, or that is named {@code nats}.
	 */
	static final class Generic extends ContainerConnectionDetailsFactory<Container<?>, NatsConnectionDetails> {

		Generic() {
			super("nats");
		}

		@Override
		protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
				Class<?> requiredConnectionDetailsType) {
			return !NatsContainer.class.isAssignableFrom(requiredContainerType)
					&& super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType);
		}

		@Override
		protected NatsConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			return new Details<>(source);
		}

	}

	/**
	 * {@link NatsConnectionDetails} backed by a container.
	 */
	static final class Details<C extends Container<?>> extends ContainerConnectionDetails<C>
			implements NatsConnectionDetails {

		Details(ContainerConnectionSource<C> source) {
			super(source);
		}

		@Override
		public List<String> getServers() {
			Container<?> container = getContainer();
			if (container instanceof NatsContainer nats) {
				return List.of(nats.getServerUrl());
			}
			return List.of("nats://" + container.getHost() + ":" + container.getMappedPort(NatsContainer.CLIENT_PORT));
		}

		@Override
		public @Nullable String getUsername() {
			return (getContainer() instanceof NatsContainer nats) ? nats.getUsername() : null;
		}

		@Override
		public @Nullable String getPassword() {
			return (getContainer() instanceof NatsContainer nats) ? nats.getPassword() : null;
		}

	}

}
