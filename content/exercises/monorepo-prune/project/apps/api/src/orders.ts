import { Order } from '@acme/shared';

const orders = new Map<string, Order>();

/** Validates and stores an order; throws a ZodError on bad input. */
export function saveOrder(input: unknown): Order {
  const order = Order.parse(input);
  orders.set(order.id, order);
  return order;
}

export function listOrders(): Order[] {
  return [...orders.values()];
}
