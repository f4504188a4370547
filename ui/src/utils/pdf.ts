// PDF rendering for the print preview, with pdf.js. This module is imported only by the preview
// dialog, which the app loads on first use, so pdf.js stays out of the main bundle.
//
// The legacy build is used on purpose: the modern build calls very new built-ins
// (Map.prototype.getOrInsertComputed, Math.sumPrecise) that WebKitGTK 2.50 does not have; the
// legacy build brings polyfills for them.
//
// The worker is the package's own file, emitted by Vite as a same-origin asset (`?url`), and
// started here as a module worker; pdf.js gets it as a port. This needs no `blob:` worker and no
// `unsafe-eval` (eval-compiled functions are turned off), so the app's CSP stays as it is
// (`default-src 'self'` covers same-origin workers). Should the worker not start, pdf.js runs its
// code on the main thread, loaded from the same asset.
import {
  getDocument,
  GlobalWorkerOptions,
  PDFWorker,
} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'

export type { PDFDocumentProxy, PDFPageProxy }

const WORKER_START_TIMEOUT_MS = 8000

let workerPromise: Promise<PDFWorker | null> | null = null

/** A started module worker, or null when workers cannot run here (then pdf.js uses the main thread). */
function startWorker(): Promise<PDFWorker | null> {
  GlobalWorkerOptions.workerSrc = workerUrl
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(workerUrl, { type: 'module' })
    } catch {
      resolve(null)
      return
    }
    const done = (ok: boolean) => {
      clearTimeout(timer)
      worker.removeEventListener('message', onMessage)
      worker.removeEventListener('error', onError)
      if (ok) {
        resolve(PDFWorker.create({ port: worker }))
      } else {
        worker.terminate()
        resolve(null)
      }
    }
    // pdf.js's worker says `ready` as soon as its code has run.
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { action?: string } | null)?.action === 'ready') done(true)
    }
    const onError = () => done(false)
    const timer = setTimeout(() => done(false), WORKER_START_TIMEOUT_MS)
    worker.addEventListener('message', onMessage)
    worker.addEventListener('error', onError)
  })
}

function pdfWorker(): Promise<PDFWorker | null> {
  workerPromise ??= startWorker()
  return workerPromise
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

/** Open a PDF given as base64. Call `destroy()` on the result when done. */
export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const worker = await pdfWorker()
  const task = getDocument({
    data: base64ToBytes(base64),
    ...(worker ? { worker } : {}),
    isEvalSupported: false,
    useWasm: false,
    // The studio's PDFs embed their fonts; nothing is fetched.
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
  })
  return task.promise
}

/**
 * Draw one page into `canvas`, `cssWidth` pixels wide on screen, sharp on high-density screens.
 * Returns the drawn height in CSS pixels.
 */
export async function renderPage(page: PDFPageProxy, canvas: HTMLCanvasElement, cssWidth: number): Promise<number> {
  const base = page.getViewport({ scale: 1 })
  const scale = cssWidth / base.width
  const viewport = page.getViewport({ scale })
  const ratio = Math.min(window.devicePixelRatio || 1, 3)
  canvas.width = Math.floor(viewport.width * ratio)
  canvas.height = Math.floor(viewport.height * ratio)
  canvas.style.width = `${Math.floor(viewport.width)}px`
  canvas.style.height = `${Math.floor(viewport.height)}px`
  await page.render({
    canvas,
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
  }).promise
  return viewport.height
}
