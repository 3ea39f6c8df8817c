package dev.choreo.sample.history;

import java.util.List;

import dev.choreo.sample.order.OrderCheckedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps every checked order in the database.
 */
@Repository
public class OrderHistory {

	private final JdbcClient jdbc;

	OrderHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void onOrderChecked(OrderCheckedEvent event) {
		this.jdbc.sql("INSERT INTO order_history (order_id, customer_id, status, fraud_score) VALUES (?, ?, ?, ?)")
			.params(event.order().orderId(), event.order().customerId(), event.order().status(),
					event.order().fraudScore())
			.update();
	}

	/**
	 * Return the statuses an order went through, oldest first.
	 * @param orderId the order id
	 * @return the statuses
	 */
	public List<String> statuses(String orderId) {
		return this.jdbc.sql("SELECT status FROM order_history WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query(String.class)
			.list();
	}

}
