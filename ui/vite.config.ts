import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vitest/config'

// The app is served by Tauri from a custom protocol: relative asset paths, no dev-only globals,
// and a target the Linux/macOS webviews (WebKitGTK 2.50 / Safari 16) run natively.
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // Element Plus on demand: each <el-*> tag (and v-loading) in a template imports that component
    // and its stylesheet where it is used, so a screen's chunk carries only what it shows and the
    // start-up chunk only the login screen's parts (the whole library was 918 kB of the main chunk).
    // No generated components.d.ts: templates are type-checked as before. Not under Vitest: the
    // specs install Element Plus whole, as before (and Node cannot load the CSS imports).
    ...(process.env.VITEST ? [] : [Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })]),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // Mounting Element Plus views takes seconds on a busy 2-core CI machine: 5 s timed out there.
    testTimeout: 20000,
  },
})
