import { describe, expect, it } from 'vitest'
import { RULES } from '@/api/rules'
import { emptyItemInput, validateItemInput } from './itemForm'

const LIMITS = RULES.items.limits

const TODAY = '2025-10-09'
const good = () => ({
  ...emptyItemInput(TODAY, '王明'),
  category: 'implementation' as const,
  source: 'hotline' as const,
  title: '东门外人行道破损积水',
  content: '学校东门外人行道破损严重，雨天积水。',
})

describe('validateItemInput', () => {
  it('accepts a complete form', () => {
    expect(validateItemInput(good(), TODAY)).toEqual({})
  })

  it('requires category, source, title and content', () => {
    const e = validateItemInput(emptyItemInput(TODAY, '王明'), TODAY)
    expect(e).toEqual({ category: '请选择问题类别', source: '请选择来源', title: '请填写标题', content: '请填写内容' })
  })

  it('limits the title and the content to the core’s lengths, the title to one line', () => {
    expect(validateItemInput({ ...good(), title: '字'.repeat(LIMITS.title + 1) }, TODAY).title).toBe(`标题不能超过 ${LIMITS.title} 个字`)
    expect(validateItemInput({ ...good(), title: '字'.repeat(LIMITS.title) }, TODAY).title).toBeUndefined()
    expect(validateItemInput({ ...good(), title: '第一行\n第二行' }, TODAY).title).toBe('标题请写成一行')
    expect(validateItemInput({ ...good(), content: '字'.repeat(LIMITS.content + 1) }, TODAY).content).toBe(
      `内容不能超过 ${LIMITS.content} 个字`,
    )
    expect(validateItemInput({ ...good(), person_name: '字'.repeat(LIMITS.person_name + 1) }, TODAY).person_name).toMatch(/不能超过/)
  })

  it('checks the phone like the card form', () => {
    expect(validateItemInput({ ...good(), person_phone: '138 1234 5678' }, TODAY).person_phone).toBeUndefined()
    expect(validateItemInput({ ...good(), person_phone: '0536-8785123' }, TODAY).person_phone).toBeUndefined()
    expect(validateItemInput({ ...good(), person_phone: '12345' }, TODAY).person_phone).toMatch(/^联系电话应为 11 位手机号码/)
  })

  it('refuses a receipt date in the future and more delegates than the core allows', () => {
    expect(validateItemInput({ ...good(), received_on: '2025-10-10' }, TODAY).received_on).toBe('受理日期不能晚于今天')
    expect(validateItemInput({ ...good(), received_on: '2025/10/01' }, TODAY).received_on).toMatch(/格式/)
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`)
    expect(validateItemInput({ ...good(), delegate_ids: ids(LIMITS.delegates) }, TODAY).delegate_ids).toBeUndefined()
    expect(validateItemInput({ ...good(), delegate_ids: ids(LIMITS.delegates + 1) }, TODAY).delegate_ids).toBe(
      `承办党代表最多 ${LIMITS.delegates} 位`,
    )
  })
})

import { titleFromOpinion } from './itemForm'

describe('titleFromOpinion', () => {
  it('takes the first short sentence, else the first 20 characters', () => {
    expect(titleFromOpinion('食堂晚餐供应时间较短，参加实验课的同学吃不上热饭。')).toBe('食堂晚餐供应时间较短')
    expect(titleFromOpinion('学校东门外人行道破损严重雨天积水师生上下课通行不便存在安全隐患')).toBe('学校东门外人行道破损严重雨天积水师生上下')
    expect(titleFromOpinion('  ')).toBe('')
  })
})

import { inputFromItem } from './itemForm'
import { items as itemFixtures } from '../../dev/fixtures'

describe('inputFromItem', () => {
  // An edit sends back everything the stored item holds that the form does not show: a consent
  // recorded on a card and carried to its item must survive an edit of the title.
  it('carries the recorded consent, so an edit does not erase it', () => {
    const detail = Object.values(itemFixtures.details)[0]!
    for (const consent of [true, false, null]) {
      const it = { ...detail.item, person_consent: consent }
      expect(inputFromItem(it).person_consent).toBe(consent)
    }
  })

  it('fills every field the form edits from the stored item', () => {
    const detail = Object.values(itemFixtures.details)[0]!
    const input = inputFromItem(detail.item)
    expect(input.title).toBe(detail.item.title)
    expect(input.person_phone).toBe(detail.item.person_phone)
    expect(input.delegate_ids).toEqual(detail.item.delegates.map((d) => d.delegate_id))
    expect(input.card_id).toBe(detail.item.card_id)
  })
})
