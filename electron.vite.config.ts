import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// `@shared/…` imports (tsconfig.base.json's paths) resolve the same in every bundle.
const resolveShared = { alias: { '@shared': resolve(__dirname, 'shared') } }

// Custom roots: the main bundle also carries the browser host (same services, no Electron),
// so one build produces everything `npm run start:browser` and the end-to-end tests need.
export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          host: resolve(__dirname, 'electron/browserHost/index.ts'),
          // Worker threads, loaded by name from out/main (electron/main/workers/startWorker.ts):
          // PDF batches (documents:generate), the write of a LHEO catalogue (lheo:preview and
          // lheo:apply), and the second reader of a large catalogue (command line).
          documentsWorker: resolve(__dirname, 'electron/main/services/documents/documentsWorker.ts'),
          applyWorker: resolve(__dirname, 'electron/main/services/lheo/applyWorker.ts'),
          readerWorker: resolve(__dirname, 'electron/main/services/lheo/readerWorker.ts')
        }
      }
    }
  },
  preload: {
    resolve: resolveShared,
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: {
    resolve: resolveShared,
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    },
    plugins: [react()],
    // The benchmark's bare-grid page is compiled in only for `npm run bench`.
    define: { __BENCH__: JSON.stringify(process.env.PASSERELLE_BENCH === '1') }
  }
})
