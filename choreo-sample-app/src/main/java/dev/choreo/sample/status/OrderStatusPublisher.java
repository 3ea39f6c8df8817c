package dev.choreo.sample.status;

import dev.choreo.sample.order.Messages.OrderStatus;
import dev.choreo.sample.order.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each order's status in Redis and announces changes on a pub/sub channel.
 */
@Component
public class OrderStatusPublisher {

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	OrderStatusPublisher(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * Record and announce a status.
	 * @param orderId the order id
	 * @param status the status
	 * @param correlationId the correlation id
	 */
	public void publish(String orderId, String status, @Nullable String correlationId) {
		this.redis.opsForValue().set("order:" + orderId + ":status", status);
		this.redis.convertAndSend(Topics.STATUS_CHANNEL,
				this.json.writeValueAsString(new OrderStatus(orderId, status, correlationId)));
	}

}
