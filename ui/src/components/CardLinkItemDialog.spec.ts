import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Item, ItemDetail, SimilarItem } from '@/api'
import CardLinkItemDialog from './CardLinkItemDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, itemsSimilar: vi.fn(), itemLinkCard: vi.fn(), itemsList: vi.fn(), itemGet: vi.fn() }
})
const similarMock = vi.mocked(api.itemsSimilar)
const linkMock = vi.mocked(api.itemLinkCard)
const getMock = vi.mocked(api.itemGet)

const similar: SimilarItem[] = [
  {
    id: 'i7',
    no: '2026-0007',
    title: '南区食堂晚餐窗口太少',
    category: 'hardship',
    status: 'in_progress',
    received_on: '2026-11-02',
    excerpt: '',
  },
]

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

beforeEach(() => {
  similarMock.mockReset().mockResolvedValue(similar)
  linkMock.mockReset().mockResolvedValue({ id: 'i7', no: '2026-0007' } as Item)
  // The list has no versions: the chosen item is read before linking.
  getMock.mockReset().mockResolvedValue({ item: { id: 'i7', no: '2026-0007', version: 5 } as Item, timeline: [] } as unknown as ItemDetail)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('CardLinkItemDialog', () => {
  it('suggests the items most like the opinion, needs a choice, then links the chosen item to the card', async () => {
    wrapper = mount(CardLinkItemDialog, {
      props: { modelValue: false, cardId: 'c1', opinion: '南区食堂晚上只有一个窗口' },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await settle()
    expect(similarMock).toHaveBeenCalledWith('南区食堂晚上只有一个窗口', null, 8)

    q<HTMLButtonElement>('[data-test=card-link-item-ok]')!.click()
    await settle()
    expect(q('[data-test=card-link-item-select] .el-form-item__error')?.textContent?.trim()).toBe('请选择要关联的事项')
    expect(linkMock).not.toHaveBeenCalled()

    // The suggested option is there with its number, title and status.
    const option = [...document.body.querySelectorAll<HTMLElement>('.card-link-item-popper .el-select-dropdown__item')].find(
      (el) => el.textContent?.includes('2026-0007'),
    )
    expect(option?.textContent).toContain('南区食堂晚餐窗口太少（办理中）')
    option!.click()
    await settle()
    q<HTMLButtonElement>('[data-test=card-link-item-ok]')!.click()
    await settle()
    expect(getMock).toHaveBeenCalledWith('i7')
    expect(linkMock).toHaveBeenCalledWith('i7', 5, 'c1')
    expect(wrapper.emitted('linked')?.length).toBe(1)
  })
})
