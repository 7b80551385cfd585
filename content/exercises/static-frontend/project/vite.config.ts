import { defineConfig } from 'vite';

// Hashed file names under assets/ (Vite's default) are what lets nginx cache them for a year.
export default defineConfig({
  build: { sourcemap: false },
});
