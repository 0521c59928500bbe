import type { ReactNode } from 'react'
import { Icon } from './Icon'

/** The file being imported: its name, its size and what was learnt of it (format, version…). */
export function FileLine({ file, sizeText, nameTestId, children }: { file: File; sizeText: string; nameTestId: string; children?: ReactNode }) {
  return (
    <div className="file-line">
      <span className="file-line__icon" aria-hidden="true">
        <Icon name="file" size={20} />
      </span>
      <span className="file-line__name" data-testid={nameTestId}>
        {file.name}
      </span>
      <span className="muted">{sizeText}</span>
      {children}
    </div>
  )
}
