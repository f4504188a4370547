// The parts of ECharts 工作台 draws with, imported by name so the bundler keeps only them: bars, a
// line, a pie; grid, tooltip, legend; the canvas renderer. Loaded only through `loadEcharts`
// (utils/echarts.ts), never imported directly, so it stays out of the main bundle.
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export { init }
