import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ItemDeadlineTag from './ItemDeadlineTag.vue'
import { RULES } from '@/api/rules'
import { itemDeadlineTag } from '@/utils/itemLabels'

const label = (s: string) => RULES.items.deadline_states.find((d) => d.value === s)!.label

describe('item deadline tag', () => {
  it('reads each state', () => {
    expect(itemDeadlineTag('on_track', 8)?.label).toBe(label('on_track'))
    expect(itemDeadlineTag('due_soon', 2)).toEqual({ label: '剩 2 个工作日', type: 'warning' })
    expect(itemDeadlineTag('due_soon', 0)?.label).toBe('今日到期')
    expect(itemDeadlineTag('overdue', -4)).toEqual({ label: '逾期 4 个工作日', type: 'danger' })
    expect(itemDeadlineTag('paused', null)?.label).toBe(label('paused'))
    expect(itemDeadlineTag('met', null)).toEqual({ label: label('met'), type: 'success' })
    expect(itemDeadlineTag('late', null)?.label).toBe(label('late'))
    expect(itemDeadlineTag('none', null)).toBeNull()
  })

  it('names the state without a count when the list does not send one (提议 list)', () => {
    expect(itemDeadlineTag('overdue', null)).toEqual({ label: label('overdue'), type: 'danger' })
    expect(itemDeadlineTag('due_soon', null)).toEqual({ label: label('due_soon'), type: 'warning' })
  })

  it('shows the date and the tag', () => {
    const w = mount(ItemDeadlineTag, {
      props: { deadline: 'overdue', daysLeft: -3, dueOn: '2025-10-09' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.text()).toContain('2025-10-09')
    expect(w.text()).toContain('逾期 3 个工作日')
  })

  it('shows a dash for a declined item', () => {
    const w = mount(ItemDeadlineTag, {
      props: { deadline: 'none', daysLeft: null, dueOn: null },
      global: { plugins: [ElementPlus] },
    })
    expect(w.text()).toBe('—')
  })
})
