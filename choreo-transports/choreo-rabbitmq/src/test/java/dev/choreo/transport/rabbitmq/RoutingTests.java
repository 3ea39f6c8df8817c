package dev.choreo.transport.rabbitmq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How topics map to exchanges and routing keys, and reply addresses to topics.
 */
class RoutingTests {

	private final Routing routing = new Routing("amq.topic");

	@Test
	void sendsATopicAsARoutingKeyOnTheExchange() {
		assertThat(this.routing.destination("orders.created"))
			.isEqualTo(new Routing.Destination("amq.topic", "orders.created"));
	}

	@Test
	void sendsAQueueTopicThroughTheDefaultExchange() {
		assertThat(this.routing.destination("queue:amq.rabbitmq.reply-to.g1h2"))
			.isEqualTo(new Routing.Destination("", "amq.rabbitmq.reply-to.g1h2"));
	}

	@Test
	void sendsAnExchangeTopicToThatExchange() {
		assertThat(this.routing.destination("exchange:billing/invoice.paid"))
			.isEqualTo(new Routing.Destination("billing", "invoice.paid"));
		assertThat(this.routing.destination("exchange:billing/")).isEqualTo(new Routing.Destination("billing", ""));
	}

	@Test
	void refusesPrefixedTopicsWithoutAName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.routing.destination("queue:"))
			.withMessage("The topic 'queue:' names no queue; use queue:<queue name>");
		assertThatIllegalArgumentException().isThrownBy(() -> this.routing.destination("exchange:billing"))
			.withMessage("The topic 'exchange:billing' names no exchange; use exchange:<exchange name>/<routing key>");
	}

	@Test
	void namesAnArrivalByItsExchangeAndRoutingKey() {
		assertThat(this.routing.topic("amq.topic", "orders.created")).isEqualTo("orders.created");
		assertThat(this.routing.topic("", "replies")).isEqualTo("queue:replies");
		assertThat(this.routing.topic("billing", "invoice.paid")).isEqualTo("exchange:billing/invoice.paid");
	}

	@Test
	void writesReplyAddressesInSpringAmqpsForm() {
		assertThat(this.routing.replyAddress("orders.replies")).isEqualTo("amq.topic/orders.replies");
		assertThat(this.routing.replyAddress("queue:replies")).isEqualTo("replies");
		assertThat(this.routing.replyAddress("exchange:billing/answers")).isEqualTo("billing/answers");
	}

	@Test
	void readsReplyAddressesAsTopics() {
		assertThat(this.routing.replyTopic("amq.rabbitmq.reply-to.g1hkABFyYWJiaXQ.3/rq4Bk7jlhJy07UMlT0kQ=="))
			.isEqualTo("queue:amq.rabbitmq.reply-to.g1hkABFyYWJiaXQ.3/rq4Bk7jlhJy07UMlT0kQ==");
		assertThat(this.routing.replyTopic("replies")).isEqualTo("queue:replies");
		assertThat(this.routing.replyTopic("amq.topic/orders.replies")).isEqualTo("orders.replies");
		assertThat(this.routing.replyTopic("billing/answers")).isEqualTo("exchange:billing/answers");
	}

}
