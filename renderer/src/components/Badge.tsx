import type { ReactNode } from 'react'

export type BadgeTone = 'success' | 'neutral' | 'warning' | 'danger' | 'info' | 'muted'

/** A small coloured pill (state, source, flag); the text always says it, the colour only helps. */
export function Badge({ tone, children, title, testId }: { tone: BadgeTone; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  )
}
