import { z } from 'zod';

/** An order as the API stores it and the web app shows it. */
export const Order = z.object({
  id: z.string().min(1),
  customer: z.string().min(1),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1),
  status: z.enum(['open', 'shipped', 'cancelled']),
});
export type Order = z.infer<typeof Order>;

/** Total quantity of an order, shown in both apps. */
export function itemCount(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity, 0);
}
