import { defineConfig } from 'vite';
import { articlePlugin } from './src/pipeline/vite-plugin-article.ts';

// `base: './'` keeps every URL relative, so dist/ works from any static host
// and base path, and aloud.js finds its lazy chunks relative to its own URL.
export default defineConfig({
  base: './',
  plugins: [articlePlugin({ contentDir: 'content' })],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { index: 'index.html', aloud: 'src/aloud.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'aloud' ? 'aloud.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
