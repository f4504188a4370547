import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage, ElMessageBox, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// Element Plus components come on demand with their own styles (vite.config.ts); the two services
// called from scripts everywhere need theirs here.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-badge.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-input.css'
import 'element-plus/theme-chalk/el-button.css'
import 'element-plus/theme-chalk/el-overlay.css'
import 'element-plus/theme-chalk/el-message-box.css'
import './styles/app.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { appMark } from './api'
import { installLockdown } from './kiosk/lockdown'
import { prefetchKiosk } from './shell'

async function start() {
  void appMark('ui-script').catch(() => undefined)
  // The kiosk window says so before any script runs (src-tauri/src/kiosk.rs): its page guard is up
  // before the first screen, not only once the status has been read.
  if (window.__STUDIO_KIOSK__ === true) {
    installLockdown()
    prefetchKiosk()
  }
  // Browser-only development: a fake backend behind Tauri's IPC. The condition is a build-time
  // constant, so the production bundle does not contain the mock at all.
  if (import.meta.env.VITE_MOCK === '1') {
    const { installMockBackend } = await import('../dev/mock-backend')
    installMockBackend()
  }
  const app = createApp(App).use(createPinia()).use(createAppRouter())
  // What `app.use(ElementPlus, { locale })` did, without registering every component: Chinese
  // texts for all of them, and the app's context (locale, z-index) for the message services.
  provideGlobalConfig({ locale: zhCn }, app, true)
  app.use(ElMessage).use(ElMessageBox)
  app.mount('#app')
  void appMark('ui-mounted').catch(() => undefined)
}

void start()
