package dev.choreo.sample.order;

import dev.choreo.sample.order.Messages.OrderChecked;

/**
 * Published inside the application once an order has been checked.
 *
 * @param order the checked order
 */
public record OrderCheckedEvent(OrderChecked order) {

}
