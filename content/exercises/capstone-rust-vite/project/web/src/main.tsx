import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Card = { title: string; column: string };
const columns = ['today', 'this week', 'done'];

function Board() {
  const [cards, setCards] = useState<Card[]>([]);
  useEffect(() => {
    fetch('/api/board/cards').then((r) => r.json()).then(setCards, () => setCards([]));
  }, []);
  return (
    <main style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '1rem', fontFamily: 'system-ui' }}>
      {columns.map((column) => (
        <section key={column}>
          <h2>{column}</h2>
          <ul>{cards.filter((c) => c.column === column).map((c) => <li key={c.title}>{c.title}</li>)}</ul>
        </section>
      ))}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Board /></StrictMode>);
