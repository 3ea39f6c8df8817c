package dev.choreo.autoconfigure;

import java.util.List;

/**
 * Tells which of the application's listeners of one kind are not live yet.
 */
interface ListenerProbe {

	/**
	 * Return the listeners that are expected to run but cannot receive yet, each as a
	 * sentence such as {@code Kafka listener 'orders' (topics orders.created) had no
	 * partitions assigned}.
	 * @return the listeners that are not ready, empty when all are
	 */
	List<String> pending();

}
