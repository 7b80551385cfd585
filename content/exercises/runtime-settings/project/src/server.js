import compression from 'compression';
import express from 'express';
import { fileURLToPath } from 'node:url';
import { listProducts } from './products.js';

const app = express();
const production = app.get('env') === 'production'; // Express reads NODE_ENV, 'development' when unset
app.use(compression());

// In production, Express caches view templates and sends short error pages without stack traces.
app.get('/api/products', (req, res) => res.json(listProducts(String(req.query.q ?? ''))));
app.get('/health', (_req, res) => res.json({ status: 'ok', env: app.get('env') }));
app.use(express.static(fileURLToPath(new URL('../public', import.meta.url)), { maxAge: production ? '1h' : 0 }));

const server = app.listen(Number(process.env.PORT ?? 3000), () => console.log(`catalog-web (${app.get('env')})`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
