/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in `npm run dev:mock`: browser development against dev/mock-backend.ts. */
  readonly VITE_MOCK?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
