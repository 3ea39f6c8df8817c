package dev.choreo.transport.stream;

/**
 * The kinds of binder the transport knows how to wait for, address and probe.
 */
enum BinderKind {

	/** The Kafka binder ({@code spring-cloud-stream-binder-kafka}). */
	KAFKA,

	/** The RabbitMQ binder ({@code spring-cloud-stream-binder-rabbit}). */
	RABBIT,

	/** The in-process test binder ({@code spring-cloud-stream-test-binder}). */
	TEST,

	/** Any other binder: bound and used, but without broker-specific checks. */
	OTHER

}
