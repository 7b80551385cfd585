import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :8080; in the image the API serves this build itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:8080' } },
  build: { sourcemap: false },
});
