// 记录卡's plain table: a page of the demo's cards as the core lists them; a row opens its card, the
// check boxes choose cards for 打印所选 and 导出, and a new page keeps only the chosen cards still on it.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { CardListItem } from '@/api'
import CardsTable from '@/components/CardsTable.vue'
import { cards } from '../../dev/fixtures'

const page = (from: number, n: number): CardListItem[] => Object.values(cards.rows).slice(from, from + n)

function mountTable(rows: CardListItem[], canEdit = true) {
  const wrapper = mount(CardsTable, {
    props: {
      rows,
      canEdit,
      selected: [] as CardListItem[],
      'onUpdate:selected': (s: CardListItem[]) => void wrapper.setProps({ selected: s }),
    },
  })
  return wrapper
}

const chosen = (w: ReturnType<typeof mountTable>) => (w.props('selected') as CardListItem[]).map((c) => c.no)

describe('CardsTable', () => {
  it('shows each card of the page with its number, delegate, person and status', () => {
    const rows = page(0, 5)
    const w = mountTable(rows)
    const trs = w.findAll('[data-test=cards-row]')
    expect(trs).toHaveLength(5)
    expect(trs[0]!.find('[data-test=card-no]').text()).toBe(rows[0]!.no)
    expect(trs[0]!.find('[data-test=card-delegate]').text()).toBe(rows[0]!.delegate_name)
    expect(trs[0]!.find('[data-test=card-person]').text()).toBe(rows[0]!.person_name)
    expect(trs[0]!.find('[data-test=card-status]').text()).toBe(rows[0]!.status === 'draft' ? '草稿' : '已提交')
  })

  it('opens a card from its row or 查看, prints from 打印, and offers 编辑 only on drafts to editors', async () => {
    const rows = page(0, 8)
    const w = mountTable(rows)
    await w.findAll('[data-test=cards-row]')[1]!.trigger('click')
    await w.findAll('[data-test=card-open]')[2]!.trigger('click')
    await w.findAll('[data-test=card-print]')[3]!.trigger('click')
    expect((w.emitted('open') as CardListItem[][]).map(([c]) => c!.id)).toEqual([rows[1]!.id, rows[2]!.id])
    expect((w.emitted('print') as CardListItem[][]).map(([c]) => c!.id)).toEqual([rows[3]!.id])
    expect(w.findAll('[data-test=card-edit]')).toHaveLength(rows.filter((r) => r.status === 'draft').length)
    expect(mountTable(rows, false).findAll('[data-test=card-edit]')).toHaveLength(0)
  })

  it('chooses cards with their check boxes, or the whole page, without opening them', async () => {
    const rows = page(0, 4)
    const w = mountTable(rows)
    const boxes = () => w.findAll('[data-test=card-select] input')
    await boxes()[2]!.setValue(true)
    await boxes()[0]!.setValue(true)
    expect(chosen(w)).toEqual([rows[0]!.no, rows[2]!.no])
    expect(w.emitted('open')).toBeUndefined()
    expect((w.find('[data-test=cards-select-all] input').element as HTMLInputElement).indeterminate).toBe(true)
    await w.find('[data-test=cards-select-all] input').setValue(true)
    expect(chosen(w)).toEqual(rows.map((r) => r.no))
    await boxes()[1]!.setValue(false)
    expect(chosen(w)).toEqual([rows[0]!.no, rows[2]!.no, rows[3]!.no])
    await w.find('[data-test=cards-select-all] input').setValue(true)
    await w.find('[data-test=cards-select-all] input').setValue(false)
    expect(chosen(w)).toEqual([])
  })

  it('keeps only the chosen cards still on the page when the page changes', async () => {
    const rows = page(0, 6)
    const w = mountTable(rows)
    await w.findAll('[data-test=card-select] input')[4]!.setValue(true)
    await w.findAll('[data-test=card-select] input')[5]!.setValue(true)
    await w.setProps({ rows: page(5, 6) })
    expect(chosen(w)).toEqual([rows[5]!.no])
    await w.setProps({ rows: page(20, 6) })
    expect(chosen(w)).toEqual([])
  })
})
