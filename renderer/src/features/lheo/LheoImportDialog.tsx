import { useCallback, useEffect, useRef, useState } from 'react'
import type { LheoImportSummary, LheoJob } from '@shared/api/areas/lheo'
import { useApi } from '../../api/ApiContext'
import { FileLine } from '../../components/FileLine'
import { Icon } from '../../components/Icon'
import { ImportEndButtons, ImportPreviewButtons } from '../../components/ImportFooter'
import { Modal } from '../../components/Modal'
import { bytesToBase64, countRows, fileSizeText, hasChanges, percentText } from './lheoUpload'

type Phase =
  | { step: 'reading' }
  | { step: 'previewing'; job: LheoJob }
  | { step: 'preview'; job: LheoJob; summary: LheoImportSummary }
  | { step: 'applying'; job: LheoJob; preview: LheoImportSummary }
  | { step: 'done'; job: LheoJob; summary: LheoImportSummary }
  | { step: 'failed'; error: string; during: 'read' | 'preview' | 'apply' }
  | { step: 'cancelled'; during: 'preview' | 'apply' }

type Props = {
  /** The file to import; the dialog is open while it is set. */
  file: File | null
  onClose: () => void
  /** After a successful write: the grids reload. */
  onImported: (summary: LheoImportSummary) => void
  /** "Choisir un autre fichier" after a refusal. */
  onChooseAnother: () => void
}

export const POLL_MS = 200

/**
 * The LHEO import in two steps, like the command line: a preview that reads and compares the file
 * without writing anything, then the import itself in one transaction. Both run as background jobs
 * on the server, polled here every 200 ms, with a progress bar and « Annuler ».
 */
export function LheoImportDialog({ file, onClose, onImported, onChooseAnother }: Props) {
  const api = useApi()
  const [phase, setPhase] = useState<Phase>({ step: 'reading' })
  const runningJob = useRef<string | null>(null)
  const fileKey = useRef<File | null>(null)

  // `follow` is read when the answer arrives (through a ref): a new file is what restarts step 1.
  const followRef = useRef<(job: LheoJob) => void>(() => undefined)

  // Step 1: read the file and start the preview.
  useEffect(() => {
    if (!file || fileKey.current === file) return
    fileKey.current = file
    setPhase({ step: 'reading' })
    let live = true
    void (async () => {
      let base64: string
      try {
        base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      } catch {
        if (live) setPhase({ step: 'failed', error: `Le fichier « ${file.name} » n’a pas pu être lu sur ce poste.`, during: 'read' })
        return
      }
      const r = await api.call('lheo:preview', { fileName: file.name, base64 })
      if (!live) return
      if (!r.ok) setPhase({ step: 'failed', error: r.error.message, during: 'preview' })
      else followRef.current(r.value)
    })()
    return () => {
      live = false
    }
  }, [file, api])

  useEffect(() => {
    if (!file) fileKey.current = null
  }, [file])

  const follow = useCallback(
    (job: LheoJob): void => {
      runningJob.current = job.state === 'running' ? job.id : null
      if (job.state === 'running') {
        setPhase((p) => (job.kind === 'apply' ? { step: 'applying', job, preview: p.step === 'applying' ? p.preview : p.step === 'preview' ? p.summary : emptySummary() } : { step: 'previewing', job }))
        return
      }
      if (job.state === 'failed') {
        setPhase({ step: 'failed', error: job.error ?? 'L’import a échoué.', during: job.kind })
        return
      }
      if (job.state === 'cancelled') {
        setPhase({ step: 'cancelled', during: job.kind })
        return
      }
      const summary = job.summary ?? emptySummary()
      if (job.kind === 'preview') setPhase({ step: 'preview', job, summary })
      else {
        setPhase({ step: 'done', job, summary })
        onImported(summary)
      }
    },
    [onImported]
  )
  useEffect(() => {
    followRef.current = follow
  }, [follow])

  // Polling while a job runs.
  const jobId = phase.step === 'previewing' || phase.step === 'applying' ? phase.job.id : null
  const progress = phase.step === 'previewing' || phase.step === 'applying' ? phase.job.progress : null
  useEffect(() => {
    if (!jobId) return
    const timer = window.setTimeout(() => {
      void api.call('lheo:job', { jobId }).then((r) => {
        if (runningJob.current !== jobId) return
        if (r.ok) follow(r.value)
        else setPhase({ step: 'failed', error: r.error.message, during: 'preview' })
      })
    }, POLL_MS)
    return () => window.clearTimeout(timer)
    // Each answer sets a new phase object, which schedules the next poll.
  }, [api, jobId, phase, follow])

  async function cancel(): Promise<void> {
    const id = runningJob.current
    if (!id) return
    const r = await api.call('lheo:cancel', { jobId: id })
    if (r.ok) follow(r.value)
  }

  async function apply(): Promise<void> {
    if (phase.step !== 'preview') return
    const preview = phase.summary
    setPhase({ step: 'applying', job: { ...phase.job, kind: 'apply', state: 'running', progress: 0 }, preview })
    const r = await api.call('lheo:apply', { jobId: phase.job.id })
    if (!r.ok) setPhase({ step: 'failed', error: r.error.message, during: 'apply' })
    else follow(r.value)
  }

  function close(): void {
    if (runningJob.current) void api.call('lheo:cancel', { jobId: runningJob.current })
    runningJob.current = null
    onClose()
  }

  const running = phase.step === 'reading' || phase.step === 'previewing' || phase.step === 'applying'
  const version = phase.step === 'preview' || phase.step === 'done' || phase.step === 'previewing' || phase.step === 'applying' ? phase.job.version : null

  return (
    <Modal
      open={file !== null}
      title={phase.step === 'done' ? 'Import LHEO terminé' : 'Importer une offre LHEO'}
      onClose={close}
      size="large"
      testId="lheo-dialog"
      footer={
        <>
          {running && (
            <button type="button" className="button" onClick={() => (phase.step === 'reading' ? close() : void cancel())}>
              Annuler
            </button>
          )}
          {phase.step === 'preview' && (
            <ImportPreviewButtons hint="Rien n’est encore écrit : vérifiez l’aperçu puis importez." onCancel={close} onApply={() => void apply()} label="Importer" testId="lheo-apply" />
          )}
          <ImportEndButtons ended={phase.step === 'failed' || phase.step === 'cancelled' ? 'failed' : phase.step === 'done' ? 'done' : null} onChooseAnother={onChooseAnother} onClose={close} />
        </>
      }
    >
      {file && (
        <FileLine file={file} sizeText={fileSizeText(file.size)} nameTestId="lheo-file-name">
          {version && <span className="badge badge--info">LHEO {version}</span>}
        </FileLine>
      )}

      {running && (
        <div className="import-progress" data-testid="lheo-progress">
          <p className="import-progress__label">
            {phase.step === 'reading'
              ? 'Lecture du fichier sur ce poste…'
              : phase.step === 'previewing'
                ? 'Lecture du fichier et comparaison avec le catalogue (rien n’est écrit)…'
                : 'Import en cours : écriture du catalogue en une seule opération…'}
          </p>
          <div
            className="progress"
            role="progressbar"
            aria-label="Progression de l’import"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((progress ?? 0) * 100)}
          >
            <span className="progress__fill" style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
          </div>
          <p className="import-progress__percent">{percentText(progress ?? 0)}</p>
        </div>
      )}

      {phase.step === 'preview' && <SummaryView summary={phase.summary} mode="preview" />}
      {phase.step === 'done' && (
        <>
          <div className="notice notice--success" role="status" data-testid="lheo-done">
            <Icon name="check" size={16} />
            <div>
              {hasChanges(phase.summary) ? (
                <>
                  <strong>Catalogue mis à jour.</strong> Les inscriptions, l’assiduité et les données locales des sessions sont conservées.
                </>
              ) : (
                <>
                  <strong>Catalogue inchangé.</strong> Le fichier décrit le catalogue déjà enregistré : rien n’a été modifié.
                </>
              )}
            </div>
          </div>
          <SummaryView summary={phase.summary} mode="done" />
        </>
      )}
      {phase.step === 'failed' && (
        <div className="notice notice--danger" role="alert" data-testid="lheo-error">
          <Icon name="alert" size={16} />
          <div>
            <strong>{phase.during === 'apply' ? 'L’import a échoué.' : 'Fichier refusé.'}</strong> {phase.error}
            <p className="notice__after">Aucune donnée n’a été enregistrée : le catalogue est inchangé.</p>
          </div>
        </div>
      )}
      {phase.step === 'cancelled' && (
        <div className="notice notice--info" role="status" data-testid="lheo-cancelled">
          <Icon name="info" size={16} />
          <div>
            <strong>Import annulé.</strong> Aucune donnée n’a été enregistrée : le catalogue est inchangé.
          </div>
        </div>
      )}
    </Modal>
  )
}

function emptySummary(): LheoImportSummary {
  const zero = { created: 0, updated: 0, unchanged: 0 }
  return { formations: zero, actions: zero, sessions: zero, missingSessions: 0, warnings: [] }
}

function SummaryView({ summary, mode }: { summary: LheoImportSummary; mode: 'preview' | 'done' }) {
  const preview = mode === 'preview'
  return (
    <div className="import-summary" data-testid={preview ? 'lheo-preview' : 'lheo-result'}>
      {preview && !hasChanges(summary) && (
        <div className="notice notice--info">
          <Icon name="info" size={16} />
          <div>Ce fichier ne change rien : le catalogue est déjà à jour.</div>
        </div>
      )}
      <table className="count-table">
        <caption className="visually-hidden">{preview ? 'Ce que l’import va faire' : 'Ce que l’import a fait'}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{preview ? 'À créer' : 'Créées'}</th>
            <th scope="col">{preview ? 'À mettre à jour' : 'Mises à jour'}</th>
            <th scope="col">Inchangées</th>
          </tr>
        </thead>
        <tbody>
          {countRows(summary).map((r) => (
            <tr key={r.key} data-testid={`count-${r.key}`}>
              <th scope="row">{r.label}</th>
              <td className={r.counts.created ? 'count-table__hot' : 'count-table__zero'}>{r.counts.created}</td>
              <td className={r.counts.updated ? 'count-table__hot' : 'count-table__zero'}>{r.counts.updated}</td>
              <td className="count-table__zero">{r.counts.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.missingSessions > 0 && (
        <div className="notice notice--warning" data-testid="lheo-missing">
          <Icon name="alert" size={16} />
          <div>
            <strong>
              {summary.missingSessions} session{summary.missingSessions > 1 ? 's' : ''} du catalogue {summary.missingSessions > 1 ? 'sont absentes' : 'est absente'} de ce fichier.
            </strong>{' '}
            {summary.missingSessions > 1 ? 'Elles seront signalées' : 'Elle sera signalée'} « absente du dernier import », jamais
            supprimée{summary.missingSessions > 1 ? 's' : ''} : leurs inscriptions et leur assiduité restent en place.
          </div>
        </div>
      )}
      {summary.warnings.length > 0 && (
        <details className="warning-list" open={summary.warnings.length <= 6}>
          <summary>
            {summary.warnings.length} avertissement{summary.warnings.length > 1 ? 's' : ''} de lecture (le fichier reste importable)
          </summary>
          <ul data-testid="lheo-warnings">
            {summary.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
