import type { KeyboardEvent, ReactNode, RefObject } from 'react'
import { Icon } from './Icon'

/** The search field of a screen's toolbar: magnifier icon, a labelled search input, optional hint. */
export function SearchBox(props: {
  value: string
  onChange: (value: string) => void
  placeholder: string
  label: string
  inputRef?: RefObject<HTMLInputElement | null>
  /** Extra modifiers of the `search-box` block, e.g. 'narrow'. */
  variant?: 'narrow' | 'full'
  testId?: string
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void
  children?: ReactNode
}) {
  return (
    <div className={`search-box${props.variant ? ` search-box--${props.variant}` : ''}`}>
      <Icon name="search" size={16} />
      <input
        ref={props.inputRef}
        type="search"
        className="input search-box__input"
        placeholder={props.placeholder}
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        data-testid={props.testId}
      />
      {props.children}
    </div>
  )
}
