package dev.choreo;

/**
 * What a correlating harness does with a message that carries no correlation id, set with
 * {@link Harness.Builder#unidentified(Unidentified)}. With
 * {@link dev.choreo.correlation.CorrelationPolicy#none()} there are no ids and every
 * message is offered to every scenario on its topic, whatever this says.
 *
 * @since 0.1.0
 */
public enum Unidentified {

	/**
	 * The default: the message counts for no scenario. It goes to the surprise log, and a
	 * scenario that times out on its topic says that such messages arrived (the service
	 * under test may be dropping the id). Keeps scenarios running in parallel honest.
	 */
	IGNORE,

	/**
	 * The message is offered to every scenario listening on its topic, as if nobody
	 * correlated: for services that cannot carry an id, with one scenario at a time per
	 * topic.
	 */
	BROADCAST

}
