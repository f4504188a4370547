// ECharts for 工作台's charts, loaded on first use only (utils/echartsParts.ts: `echarts/core` with
// just the chart types and components the charts use), in chunks of their own, so the main bundle
// does not grow and pages without charts never load it.
import type { EChartsType } from 'echarts/core'

export type { EChartsType }

export type Echarts = typeof import('./echartsParts')

let loading: Promise<Echarts> | null = null

/** ECharts with the parts 工作台 uses registered (loaded once). */
export function loadEcharts(): Promise<Echarts> {
  loading ??= import('./echartsParts')
  return loading
}
