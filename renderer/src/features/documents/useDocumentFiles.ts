import { useCallback, useMemo } from 'react'
import type { GeneratedDocument } from '@shared/api/areas/documents'
import { useApi } from '../../api/ApiContext'
import { useToast } from '../../components/Toasts'
import { downloadBase64 } from './documentFormat'

type Target = Pick<GeneratedDocument, 'id' | 'fileName'>

/**
 * « Ouvrir »: the Electron host shows the PDF in the system viewer; the browser host answers the
 * bytes, saved as a download under the document's name. « Télécharger » always saves the bytes.
 */
export function useDocumentFiles(): { open: (d: Target) => Promise<void>; download: (d: Target) => Promise<void> } {
  const api = useApi()
  const toast = useToast()
  const open = useCallback(
    async (d: Target) => {
      const r = await api.call('documents:open', { id: d.id })
      if (!r.ok) {
        toast.show('error', r.error.message)
        return
      }
      if (!r.value.opened) downloadBase64(r.value)
    },
    [api, toast]
  )
  const download = useCallback(
    async (d: Target) => {
      const r = await api.call('documents:download', { id: d.id })
      if (r.ok) downloadBase64(r.value)
      else toast.show('error', r.error.message)
    },
    [api, toast]
  )
  return useMemo(() => ({ open, download }), [open, download])
}
