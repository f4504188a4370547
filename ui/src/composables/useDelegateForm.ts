// The delegate form's state: what the user typed, what the backend said about each field, and
// whether anything changed since the form was opened. Kept apart from the dialog so the rules are
// readable and testable on their own.
import { computed, reactive, ref, watch } from 'vue'
import type { ApiError, Delegate, DelegateInput, PublishFlags } from '@/api'
import { placeFieldErrors } from '@/utils/formErrors'
import type { FieldError } from '@/api'

/** Fields the form shows, by the names the backend uses in validation errors. */
export const DELEGATE_FORM_FIELDS = [
  'name',
  'gender',
  'delegation_id',
  'unit',
  'position',
  'mobile',
  'office_phone',
  'email',
  'bio',
  'pledge',
  'term',
  'display_order',
  'publish',
  'publish_consent',
] as const

export type DelegateFormField = (typeof DELEGATE_FORM_FIELDS)[number]

/** What the online studio shows by default: the plan's list, with a private mobile kept private. */
export const RECOMMENDED_PUBLISH: PublishFlags = {
  unit_position: true,
  mobile: false,
  office_phone: true,
  email: true,
  photo: true,
  bio: true,
  pledge: true,
}

export function emptyDelegateInput(delegationId = ''): DelegateInput {
  return {
    name: '',
    gender: 'male',
    delegation_id: delegationId,
    unit: '',
    position: '',
    mobile: '',
    office_phone: '',
    email: '',
    bio: '',
    pledge: '',
    term: '',
    display_order: 0,
    publish: { ...RECOMMENDED_PUBLISH },
    publish_consent: false,
  }
}

export function inputFromDelegate(d: Delegate): DelegateInput {
  return {
    name: d.name,
    gender: d.gender,
    delegation_id: d.delegation_id,
    unit: d.unit,
    position: d.position,
    mobile: d.mobile,
    office_phone: d.office_phone,
    email: d.email,
    bio: d.bio,
    pledge: d.pledge,
    term: d.term,
    display_order: d.display_order,
    publish: { ...d.publish },
    publish_consent: d.publish_consent,
  }
}

export function useDelegateForm() {
  const form = reactive<DelegateInput>(emptyDelegateInput())
  const errors = reactive<Partial<Record<DelegateFormField, string>>>({})
  /** The form as opened; dirty means it differs. */
  const initial = ref(JSON.stringify(form))
  /** Name and unit as stored, to know whether the duplicate check is needed on update. */
  const original = ref<{ name: string; unit: string } | null>(null)

  const dirty = computed(() => JSON.stringify(form) !== initial.value)

  function clearErrors() {
    for (const k of DELEGATE_FORM_FIELDS) delete errors[k]
  }

  function reset(input: DelegateInput, stored: { name: string; unit: string } | null) {
    Object.assign(form, input, { publish: { ...input.publish } })
    initial.value = JSON.stringify(form)
    original.value = stored
    clearErrors()
  }

  /** Show each backend message beside its field; returns those the form has no place for. */
  function applyApiError(err: ApiError): FieldError[] {
    clearErrors()
    const { byField, unplaced } = placeFieldErrors(err, DELEGATE_FORM_FIELDS)
    Object.assign(errors, byField)
    return unplaced
  }

  /** A new delegate, or a changed name or unit, may duplicate someone already on the roster. */
  const needsDuplicateCheck = computed(() => {
    const o = original.value
    return !o || o.name.trim() !== form.name.trim() || o.unit.trim() !== form.unit.trim()
  })

  // A field's message goes away once the user edits that field; the others stay until the next save.
  for (const k of DELEGATE_FORM_FIELDS) {
    watch(
      () => JSON.stringify(form[k]),
      () => {
        delete errors[k]
      },
    )
  }
  return { form, errors, dirty, original, needsDuplicateCheck, reset, clearErrors, applyApiError }
}
