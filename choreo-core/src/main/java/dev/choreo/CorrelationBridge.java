package dev.choreo;

/**
 * Translates a {@link Stage} scenario's logical correlation id into the id it carries on
 * each harness. Needed when the service under test changes ids between transports; by
 * default the same id is used everywhere, which is right for services that pass ids along
 * unchanged.
 *
 * @since 0.1.0
 * @see MappedBridge
 */
@FunctionalInterface
public interface CorrelationBridge {

	/**
	 * Return the id a scenario uses on one harness.
	 * @param harness the harness name in the stage
	 * @param logicalId the scenario's logical id
	 * @return the wire id
	 */
	String wireId(String harness, String logicalId);

	/**
	 * Return the bridge that uses the logical id on every harness.
	 * @return the bridge
	 */
	static CorrelationBridge identity() {
		return (harness, logicalId) -> logicalId;
	}

}
