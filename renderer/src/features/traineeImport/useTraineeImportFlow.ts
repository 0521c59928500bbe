import { useCallback, useEffect, useRef, useState } from 'react'
import { IMPORTABLE_FIELDS, type ImportableField, type TraineeImportPreview } from '@shared/api/areas/traineeImport'
import { useApi } from '../../api/ApiContext'
import { bytesToBase64 } from '../lheo/lheoUpload'
import { afterPreviewRefused, previewRefusalMessage, type ImportPhase, type Merge } from './importPhase'
import { setColumnField, type ImportAction } from './traineeImportFormat'

/**
 * The state of the trainee import dialog: the file read once, each change of a column or of the
 * merge rule re-running the preview (an answer overtaken by a newer one is dropped), then the
 * import itself.
 */
export function useTraineeImportFlow(file: File | null, onImported: (result: TraineeImportPreview) => void) {
  const api = useApi()
  const [phase, setPhase] = useState<ImportPhase>({ step: 'reading' })
  const [mapping, setMapping] = useState<(ImportableField | null)[]>([])
  const [merge, setMerge] = useState<Merge>('fill_empty')
  const [filter, setFilter] = useState<ImportAction | 'all'>('all')
  const [previewing, setPreviewing] = useState(false)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [moved, setMoved] = useState<string | null>(null)
  const base64 = useRef<string | null>(null)
  const request = useRef(0)
  const fileKey = useRef<File | null>(null)

  const runPreview = useCallback(
    async (f: File, data: string, options: { mapping?: (ImportableField | null)[]; merge: Merge }) => {
      const id = ++request.current
      setPreviewing(true)
      const r = await api.call('traineeImport:preview', { fileName: f.name, base64: data, merge: options.merge, ...(options.mapping ? { mapping: options.mapping } : {}) })
      if (id !== request.current) return
      setPreviewing(false)
      if (r.ok) {
        setPreviewError(null)
        setMapping(r.value.mapping)
        setPhase({ step: 'preview', preview: r.value })
      } else {
        setPhase((p) => afterPreviewRefused(p, r.error))
        setPreviewError(previewRefusalMessage(r.error))
      }
    },
    [api]
  )

  useEffect(() => {
    if (!file) {
      fileKey.current = null
      return
    }
    if (fileKey.current === file) return
    fileKey.current = file
    base64.current = null
    setPhase({ step: 'reading' })
    setMerge('fill_empty')
    setFilter('all')
    setPreviewError(null)
    setMoved(null)
    let live = true
    void (async () => {
      let data: string
      try {
        data = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      } catch {
        if (live) setPhase({ step: 'failed', error: `Le fichier « ${file.name} » n’a pas pu être lu sur ce poste.`, during: 'read' })
        return
      }
      if (!live) return
      base64.current = data
      await runPreview(file, data, { merge: 'fill_empty' })
    })()
    return () => {
      live = false
    }
  }, [file, runPreview])

  function changeMapping(index: number, field: ImportableField | null): void {
    if (!file || !base64.current || phase.step !== 'preview') return
    const { mapping: next, movedFrom } = setColumnField(mapping, index, field)
    const headers = phase.preview.headers
    setMoved(movedFrom !== null && field !== null ? `« ${IMPORTABLE_FIELDS[field]} » était choisi pour la colonne « ${headers[movedFrom] ?? ''} » : cette colonne est maintenant ignorée.` : null)
    setMapping(next)
    void runPreview(file, base64.current, { mapping: next, merge })
  }

  function changeMerge(value: Merge): void {
    if (!file || !base64.current) return
    setMerge(value)
    void runPreview(file, base64.current, { mapping, merge: value })
  }

  async function apply(): Promise<void> {
    if (!file || !base64.current || phase.step !== 'preview') return
    const preview = phase.preview
    setPhase({ step: 'applying', preview })
    const r = await api.call('traineeImport:apply', { fileName: file.name, base64: base64.current, mapping, merge })
    if (!r.ok) {
      setPhase({ step: 'preview', preview })
      setPreviewError(r.error.message)
      return
    }
    setFilter('all')
    setPhase({ step: 'done', result: r.value })
    onImported(r.value)
  }

  return { phase, mapping, merge, filter, setFilter, previewing, previewError, moved, changeMapping, changeMerge, apply }
}
