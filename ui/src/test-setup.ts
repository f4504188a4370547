// Vitest runs components in happy-dom; Element Plus expects a few browser APIs it lacks.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoopResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  ;(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver
}
