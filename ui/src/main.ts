import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/app.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { appMark } from './api'
import { installLockdown } from './kiosk/lockdown'

async function start() {
  void appMark('ui-script').catch(() => undefined)
  // The kiosk window says so before any script runs (src-tauri/src/kiosk.rs): its page guard is up
  // before the first screen, not only once the status has been read.
  if (window.__STUDIO_KIOSK__ === true) installLockdown()
  // Browser-only development: a fake backend behind Tauri's IPC. The condition is a build-time
  // constant, so the production bundle does not contain the mock at all.
  if (import.meta.env.VITE_MOCK === '1') {
    const { installMockBackend } = await import('../dev/mock-backend')
    installMockBackend()
  }
  createApp(App).use(createPinia()).use(createAppRouter()).use(ElementPlus, { locale: zhCn }).mount('#app')
  void appMark('ui-mounted').catch(() => undefined)
}

void start()
