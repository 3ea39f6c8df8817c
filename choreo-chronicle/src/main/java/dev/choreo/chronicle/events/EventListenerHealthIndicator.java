package dev.choreo.chronicle.events;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports whether the LISTEN connection of the {@link PgEventListener} is up.
 *
 * @author Choreo
 */
@Component("events")
@ConditionalOnWebApplication
class EventListenerHealthIndicator extends AbstractHealthIndicator {

	private final PgEventListener listener;

	EventListenerHealthIndicator(PgEventListener listener) {
		this.listener = listener;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.listener.isConnected()) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", "the LISTEN connection is down; it is being opened again");
		}
	}

}
