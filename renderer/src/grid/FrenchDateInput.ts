import type { IDateComp, IDateParams } from 'ag-grid-community'
import { formatDateFr, parseFrenchDate, todayIso } from '@shared/domain/dates'

/** The grid's date filters speak JS Dates at local midnight; our inputs speak French days. */
export function isoToLocalDate(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
}

/**
 * Date input of the grid's date filters: typed as jj/mm/aaaa whatever the browser's language
 * (the native date picker follows the operating system's locale, not the app's).
 */
export class FrenchDateInput implements IDateComp {
  private wrapper = document.createElement('div')
  private input = document.createElement('input')
  private date: Date | null = null
  private params: IDateParams | null = null

  init(params: IDateParams): void {
    this.params = params
    this.wrapper.className = 'ag-input-wrapper ag-text-field-input-wrapper grid-date-input'
    this.input.type = 'text'
    this.input.className = 'ag-input-field-input ag-text-field-input'
    this.input.inputMode = 'numeric'
    this.input.placeholder = 'jj/mm/aaaa'
    this.input.autocomplete = 'off'
    this.input.setAttribute('aria-label', 'Date (jj/mm/aaaa)')
    this.input.addEventListener('input', this.onInput)
    this.input.addEventListener('focusin', this.onFocusIn)
    this.wrapper.appendChild(this.input)
  }

  getGui(): HTMLElement {
    return this.wrapper
  }

  getDate(): Date | null {
    return this.date
  }

  setDate(date: Date | null): void {
    this.date = date
    this.input.value = date ? formatDateFr(todayIso(date)) : ''
    this.input.removeAttribute('aria-invalid')
  }

  setInputPlaceholder(placeholder: string): void {
    // AG Grid passes its own (localised) format hint; ours is the French one.
    this.input.placeholder = placeholder.includes('yyyy') ? 'jj/mm/aaaa' : placeholder
  }

  setInputAriaLabel(label: string): void {
    this.input.setAttribute('aria-label', label)
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled
  }

  afterGuiAttached(): void {
    if (this.params?.location === 'filter') this.input.focus()
  }

  destroy(): void {
    this.input.removeEventListener('input', this.onInput)
    this.input.removeEventListener('focusin', this.onFocusIn)
  }

  private onInput = (): void => {
    const text = this.input.value.trim()
    if (text === '') {
      this.date = null
      this.input.removeAttribute('aria-invalid')
      this.params?.onDateChanged()
      return
    }
    const parsed = parseFrenchDate(text)
    // A partial date ("12/0") changes nothing until it becomes a real day.
    if (!parsed.ok) {
      this.input.setAttribute('aria-invalid', 'true')
      return
    }
    this.input.removeAttribute('aria-invalid')
    this.date = isoToLocalDate(parsed.value)
    this.params?.onDateChanged()
  }

  private onFocusIn = (): void => this.params?.onFocusIn?.()
}
