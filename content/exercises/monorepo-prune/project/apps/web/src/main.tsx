import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { itemCount, type Order } from '@acme/shared';

function Orders() {
  const [orders, setOrders] = useState<Order[]>([]);
  useEffect(() => {
    fetch('/api/orders')
      .then((r) => r.json())
      .then(setOrders)
      .catch(() => setOrders([]));
  }, []);
  return (
    <main>
      <h1>Orders</h1>
      <ul>
        {orders.map((o) => (
          <li key={o.id}>
            {o.customer}: {itemCount(o)} items, {o.status}
          </li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Orders />
  </StrictMode>,
);
