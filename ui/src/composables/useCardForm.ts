// The record card form's state: what the user typed, the delegate's snapshot shown in the read-only
// cells, what the backend said about each field, and whether anything changed since it was loaded.
// Kept apart from the page so the rules are readable and testable on their own.
import { computed, reactive, ref, watch } from 'vue'
import type { ApiError, Card, CardInput, DelegateSnapshot, FieldError } from '@/api'
import { placeFieldErrors } from '@/utils/formErrors'

/** Fields the form shows, by the names the backend uses in validation errors (CardInput's). */
export const CARD_FORM_FIELDS = [
  'contact_date',
  'delegate_id',
  'person_name',
  'person_gender',
  'person_age',
  'person_political_status',
  'person_unit_position',
  'person_phone',
  'person_address',
  'group_size',
  'channel',
  'channel_other',
  'opinion',
  'handling',
  'feedback_on',
  'reason',
] as const

export type CardFormField = (typeof CARD_FORM_FIELDS)[number]

/** The read-only 党代表 cells: copied from the roster when a delegate is chosen. */
export type DelegateCells = Pick<
  DelegateSnapshot,
  'delegate_name' | 'delegation_name' | 'delegate_unit_position' | 'delegate_phone'
>

export const EMPTY_DELEGATE_CELLS: DelegateCells = {
  delegate_name: '',
  delegation_name: '',
  delegate_unit_position: '',
  delegate_phone: '',
}

export function emptyCardInput(contactDate = ''): CardInput {
  return {
    delegate_id: '',
    refresh_snapshot: false,
    contact_date: contactDate,
    person_name: '',
    person_gender: null,
    person_age: null,
    person_political_status: null,
    person_unit_position: '',
    person_phone: '',
    person_address: '',
    person_consent: null,
    group_size: 1,
    channel: null,
    channel_other: '',
    opinion: '',
    handling: '',
    feedback_on: null,
  }
}

export function inputFromCard(c: Card): CardInput {
  return {
    delegate_id: c.delegate_id,
    refresh_snapshot: false,
    contact_date: c.contact_date,
    person_name: c.person_name,
    person_gender: c.person_gender,
    person_age: c.person_age,
    person_political_status: c.person_political_status,
    person_unit_position: c.person_unit_position,
    person_phone: c.person_phone,
    person_address: c.person_address,
    person_consent: c.person_consent,
    group_size: c.group_size,
    channel: c.channel,
    channel_other: c.channel_other,
    opinion: c.opinion,
    handling: c.handling,
    feedback_on: c.feedback_on,
  }
}

export const cellsFromCard = (c: Card): DelegateCells => ({
  delegate_name: c.delegate_name,
  delegation_name: c.delegation_name,
  delegate_unit_position: c.delegate_unit_position,
  delegate_phone: c.delegate_phone,
})

/** What the backend expects: empty dates as null, an age typed as text as a number. */
export function normalizeInput(form: CardInput): CardInput {
  const age = form.person_age as unknown
  let person_age: number | null = null
  if (typeof age === 'number' && Number.isFinite(age)) person_age = age
  else if (typeof age === 'string' && age.trim() !== '') {
    const n = Number(age.trim())
    // Not a whole number: send something the backend rejects with its own message (0 → 1–120).
    person_age = Number.isInteger(n) ? n : 0
  }
  return {
    ...form,
    person_age,
    feedback_on: form.feedback_on ? form.feedback_on : null,
    contact_date: form.contact_date ?? '',
    group_size: Number(form.group_size) || 0,
  }
}

export function useCardForm() {
  const form = reactive<CardInput>(emptyCardInput())
  const cells = reactive<DelegateCells>({ ...EMPTY_DELEGATE_CELLS })
  /** 更正原因, used only when correcting a submitted card. */
  const reason = ref('')
  const errors = reactive<Partial<Record<CardFormField, string>>>({})
  const initial = ref(JSON.stringify(form))

  const dirty = computed(() => JSON.stringify(form) !== initial.value || reason.value.trim() !== '')

  function clearErrors() {
    for (const k of CARD_FORM_FIELDS) delete errors[k]
  }

  function reset(input: CardInput, delegate: DelegateCells) {
    Object.assign(form, input)
    Object.assign(cells, delegate)
    reason.value = ''
    initial.value = JSON.stringify(form)
    clearErrors()
  }

  /** Show each backend message beside its cell; returns those the form has no place for. */
  function applyApiError(err: ApiError): FieldError[] {
    clearErrors()
    const { byField, unplaced } = placeFieldErrors(err, CARD_FORM_FIELDS)
    Object.assign(errors, byField)
    return unplaced
  }

  // A cell's message goes away once the user edits it; the others stay until the next save.
  for (const k of CARD_FORM_FIELDS) {
    if (k === 'reason') continue
    watch(
      () => form[k],
      () => {
        delete errors[k]
      },
    )
  }
  watch(reason, () => {
    delete errors.reason
  })
  // Choosing another channel settles a complaint about the other form's words.
  watch(
    () => form.channel,
    () => {
      delete errors.channel_other
    },
  )

  return { form, cells, reason, errors, dirty, reset, clearErrors, applyApiError }
}
