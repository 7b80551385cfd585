/** Orders in memory; a real service would write them to a database. */
const orders = new Map();
let next = 1;

export function createOrder(items) {
  if (!Array.isArray(items) || items.length === 0) return null;
  const order = { id: next++, items, status: 'accepted', at: new Date().toISOString() };
  orders.set(order.id, order);
  return order;
}

export function getOrder(id) {
  return orders.get(id) ?? null;
}
