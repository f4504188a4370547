// Record-card helpers the pages share: amendment lines, file names for printing and export.
import type { Card, CardAmendment, CardSelection, ExportFormat } from '@/api'
import { asObject, diffLines } from './history'
import type { FieldChange } from './history'

/** 更正记录: the fields one correction changed, 字段：原值 → 新值, in the paper card's order. */
export function describeAmendment(a: CardAmendment): FieldChange[] {
  return diffLines('card', asObject(a.before), asObject(a.after))
}

/** `记录卡-张三-2025-10-09.pdf`: the delegate and the contact date. */
export const cardPdfName = (card: Pick<Card, 'delegate_name' | 'contact_date'>) =>
  `记录卡-${card.delegate_name || '未选党代表'}-${card.contact_date || '未填日期'}.pdf`

/** `空白记录卡-10份.pdf` */
export const blankPdfName = (copies: number) => `空白记录卡-${copies}份.pdf`

/** A name for several cards: by period, by count, or all. */
export function selectionBaseName(selection: CardSelection): string {
  switch (selection.kind) {
    case 'period':
      return `记录卡-${selection.from}至${selection.to}`
    case 'ids':
      return `记录卡-所选${selection.ids.length}张`
    case 'all':
      return '记录卡-全部'
  }
}

export const selectionPdfName = (selection: CardSelection) => `${selectionBaseName(selection)}.pdf`

export const exportFileName = (selection: CardSelection, format: ExportFormat, today: string) =>
  `${selectionBaseName(selection).replace(/^记录卡/, '记录卡导出')}-${today}.${format}`
