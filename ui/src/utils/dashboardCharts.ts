// 工作台's charts as data: the ECharts options of each chart (calm Element Plus colours) and the list
// behind each bar, point or slice (the route the click opens, with the filter in its query, as
// 统计汇总's figures do). Pure functions over the core's `DashboardCharts`, so the view stays small
// and the specs can check every click's route.
import type { Channel, DashboardCharts, ItemCategory } from '@/api'
import { ITEM_CATEGORIES, ITEM_CATEGORY_LABELS } from '@/utils/itemLabels'
import { CHANNEL_LABELS, CHANNELS } from '@/utils/labels'

/** Element Plus's palette: primary, success, warning, danger, info, and a lighter primary. */
export const PALETTE = ['#409EFF', '#67C23A', '#E6A23C', '#F56C6C', '#909399', '#79BBFF']

export type ChartKind = 'months' | 'onTime' | 'delegations' | 'channels'

/** What ECharts hands a click handler (the parts used). */
export interface ChartClick {
  seriesIndex?: number
  dataIndex: number
}

export interface ListRoute {
  path: '/items' | '/cards'
  query: Record<string, string>
}

const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`
const yearsDiffer = (c: DashboardCharts) => c.from.slice(0, 4) !== c.to.slice(0, 4)
/** 10月, or 2025-10 when the period spans years. */
export const monthName = (c: DashboardCharts, m: string) => (yearsDiffer(c) ? m : monthLabel(m))

/** Whether a chart has anything to draw (else 工作台 shows an empty state, not a blank chart). */
export function hasData(c: DashboardCharts, kind: ChartKind): boolean {
  switch (kind) {
    case 'months':
      return c.months.some((m) => ITEM_CATEGORIES.some((k) => m.by_category[k] > 0))
    case 'onTime':
      return c.months.some((m) => m.closed > 0)
    case 'delegations':
      return c.delegations.length > 0
    case 'channels':
      return CHANNELS.some((k) => c.channels[k] > 0)
  }
}

const tooltip = { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } }
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true }
// A plain legend wraps onto a second line rather than hiding entries behind a pager.
const legend = { top: 0, itemWidth: 12, itemHeight: 8, itemGap: 8 }

/** 每月收集意见建议: stacked bars, one series per category. */
export function monthsOption(c: DashboardCharts) {
  return {
    color: PALETTE,
    tooltip,
    legend,
    // Six categories take two legend lines in a half-width panel.
    grid: { ...grid, top: 56 },
    xAxis: { type: 'category', data: c.months.map((m) => monthName(c, m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: ITEM_CATEGORIES.map((k) => ({
      name: ITEM_CATEGORY_LABELS[k],
      type: 'bar',
      stack: 'items',
      barMaxWidth: 32,
      emphasis: { focus: 'series' },
      data: c.months.map((m) => m.by_category[k]),
    })),
  }
}

/** 按期办结率: a line per month of closing; months without a closing have no point. */
export function onTimeOption(c: DashboardCharts) {
  return {
    color: [PALETTE[1]],
    tooltip: {
      trigger: 'axis' as const,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—'),
    },
    grid,
    xAxis: { type: 'category', data: c.months.map((m) => monthName(c, m.month)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '按期办结率',
        type: 'line',
        connectNulls: true,
        symbolSize: 8,
        data: c.months.map((m) => (m.on_time_rate == null ? null : Math.round(m.on_time_rate * 1000) / 10)),
      },
    ],
  }
}

/** The delegations' three bars, in this order. */
export const DELEGATION_SERIES = ['收集事项', '已办结', '按期办结'] as const

/** 各代表团: items, closed, closed on time side by side. */
export function delegationsOption(c: DashboardCharts) {
  const pick = [(g: DashboardCharts['delegations'][number]) => g.items, (g: DashboardCharts['delegations'][number]) => g.closed, (g: DashboardCharts['delegations'][number]) => g.closed_on_time]
  return {
    color: [PALETTE[0], PALETTE[1], PALETTE[5]],
    tooltip,
    legend,
    grid,
    xAxis: { type: 'category', data: c.delegations.map((g) => g.delegation), axisLabel: { interval: 0, overflow: 'truncate', width: 80 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: DELEGATION_SERIES.map((name, i) => ({ name, type: 'bar', barMaxWidth: 24, data: c.delegations.map(pick[i]!) })),
  }
}

/** 联系方式: a ring of the five channels (empty ones left out). */
export function channelsOption(c: DashboardCharts) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' as const, formatter: '{b}：{c} 人次（{d}%）' },
    legend: { ...legend, bottom: 0, top: 'auto' },
    series: [
      {
        name: '联系方式',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b} {c}' },
        data: channelSlices(c).map((s) => ({ name: CHANNEL_LABELS[s.channel], value: s.value })),
      },
    ],
  }
}

/** The pie's slices (channels with contacts), in the card's order. */
export function channelSlices(c: DashboardCharts): { channel: Channel; value: number }[] {
  return CHANNELS.map((channel) => ({ channel, value: c.channels[channel] })).filter((s) => s.value > 0)
}

/** The list behind a clicked bar, point or slice; null where no list shows exactly that figure. */
export function clickTarget(c: DashboardCharts, kind: ChartKind, e: ChartClick): ListRoute | null {
  switch (kind) {
    case 'months': {
      const m = c.months[e.dataIndex]
      const category: ItemCategory | undefined = ITEM_CATEGORIES[e.seriesIndex ?? -1]
      if (!m || !category) return null
      return { path: '/items', query: { view: 'all', category, from: m.from, to: m.to } }
    }
    case 'onTime': {
      const m = c.months[e.dataIndex]
      if (!m || m.closed === 0) return null
      return { path: '/items', query: { view: 'all', status: 'closed', closed_from: m.from, closed_to: m.to } }
    }
    case 'delegations': {
      const g = c.delegations[e.dataIndex]
      if (!g) return null
      const base = { view: 'all', from: c.from, to: c.to, delegation: g.delegation_id }
      // 按期办结 has no list filter of its own: its bar opens nothing.
      if (e.seriesIndex === 0) return { path: '/items', query: base }
      if (e.seriesIndex === 1) return { path: '/items', query: { ...base, status: 'closed' } }
      return null
    }
    case 'channels': {
      const s = channelSlices(c)[e.dataIndex]
      if (!s) return null
      return { path: '/cards', query: { status: 'all', from: c.from, to: c.to, channel: s.channel } }
    }
  }
}
