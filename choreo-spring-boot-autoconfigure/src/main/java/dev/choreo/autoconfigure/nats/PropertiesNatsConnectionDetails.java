package dev.choreo.autoconfigure.nats;

import java.util.List;

import dev.choreo.autoconfigure.ChoreoProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@link NatsConnectionDetails} from {@code choreo.nats.*} properties.
 */
final class PropertiesNatsConnectionDetails implements NatsConnectionDetails {

	private final ChoreoProperties.Nats properties;

	PropertiesNatsConnectionDetails(ChoreoProperties.Nats properties) {
		this.properties = properties;
	}

	@Override
	public List<String> getServers() {
		return List.copyOf(this.properties.getServers());
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	@Override
	public String toString() {
		return "PropertiesNatsConnectionDetails[servers=" + getServers().size() + "]";
	}

}
