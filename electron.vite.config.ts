import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

// The main build also emits the CLI: the same core runs under Electron and under plain Node 20,
// so the syntax target is the older of the two runtimes.
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') }
    },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; the web UI loads it over HTTP too.
      minify: true,
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') }
      }
    }
  }
})
