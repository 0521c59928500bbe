import { useState } from 'react'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { downloadBase64 } from './attendanceDownload'
import '../../components/popupMenu.css'

type Props = { month: string; sessionId: number | undefined; disabled: boolean }

/** « Exporter ▾ »: the month as on screen (Excel, CSV) or one line per trainee as KAIROS asks for it. */
export function ExportMenu({ month, sessionId, disabled }: Props) {
  const api = useApi()
  const toast = useToast()
  const [open, setOpen] = useState(false)

  const exportAs = async (format: 'xlsx' | 'csv', layout: 'grid' | 'kairos'): Promise<void> => {
    setOpen(false)
    const r = await api.call('attendance:export', sessionId ? { month, sessionId, format, layout } : { month, format, layout })
    if (!r.ok) {
      toast.show('error', r.error.message)
      return
    }
    downloadBase64(r.value)
    toast.show('success', `Fichier « ${r.value.fileName} » téléchargé.`)
  }

  return (
    <div className="popup-menu">
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} disabled={disabled} data-testid="attendance-export">
        <Icon name="download" size={16} />
        Exporter ▾
      </button>
      {open && (
        <div className="popup-menu__list" role="menu" onMouseLeave={() => setOpen(false)}>
          <button type="button" role="menuitem" onClick={() => void exportAs('xlsx', 'grid')}>
            Excel (grille du mois)
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('csv', 'grid')}>
            CSV (grille du mois)
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('xlsx', 'kairos')}>
            Format KAIROS (Excel)
          </button>
        </div>
      )}
    </div>
  )
}
