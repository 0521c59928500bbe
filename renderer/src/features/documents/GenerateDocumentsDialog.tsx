import { useCallback, useEffect, useRef, useState } from 'react'
import type { DocumentJob, DocumentKind, GeneratedDocument } from '@shared/api/areas/documents'
import { useApi } from '../../api/ApiContext'
import { useQuery } from '../../hooks/useQuery'
import { sessionOptionLabel } from '../catalogue/catalogueFormat'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { defaultPeriods, documentCount, generateInput, jobProgress, jobSummary, KIND_OPTIONS, kindUnavailable, OUTPUT_CHOICES, periodKind, periodLabel, type DocumentOutput } from './documentFormat'
import { DocumentCheckPanel } from './DocumentCheckPanel'
import { kindRefusal, useDocumentChecks } from './useDocumentChecks'
import { useDocumentFiles } from './useDocumentFiles'
import { FormError } from '../../components/FormError'

type Props = {
  open: boolean
  /** Those enrolments (a selection in a grid): refused as a whole when one is not eligible. */
  enrolmentIds?: number[]
  /** Every eligible trainee of the session; the others are listed with their reason. */
  sessionId?: number
  /** What the documents are for, shown under the title (« 3 inscriptions cochées », the session…). */
  subject?: string
  defaultKind?: DocumentKind
  onClose: () => void
  /** A batch ended (done, cancelled or failed) with documents recorded: registers may reload. */
  onGenerated?: (job: DocumentJob) => void
}

type Phase = { step: 'form' } | { step: 'running'; job: DocumentJob; cancelling: boolean } | { step: 'result'; job: DocumentJob }

const POLL_MS = 200

/**
 * Batch generation of one document kind: type, period and output, then the job's progress
 * (polled every 200 ms, cancellable), then the files written, the merged file and the trainees
 * left out with their reason.
 */
export function GenerateDocumentsDialog({ open, enrolmentIds, sessionId, subject, defaultKind = 'certificat_inscription', onClose, onGenerated }: Props) {
  const api = useApi()
  const files = useDocumentFiles()
  const [kind, setKind] = useState<DocumentKind>(defaultKind)
  const [output, setOutput] = useState<DocumentOutput>('files')
  const [periods, setPeriods] = useState(defaultPeriods)
  const [phase, setPhase] = useState<Phase>({ step: 'form' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const onGeneratedRef = useRef(onGenerated)
  onGeneratedRef.current = onGenerated
  // Opened from the register with no target: the clerk picks the session here.
  const pickSession = (enrolmentIds?.length ?? 0) === 0 && sessionId === undefined
  const [chosenSession, setChosenSession] = useState<number | null>(null)
  const sessions = useQuery('sessions:options', {}, { enabled: open && pickSession })
  const target = { enrolmentIds: enrolmentIds ?? null, sessionId: sessionId ?? chosenSession }
  const [force, setForce] = useState(false)
  // The month a statement defaults to comes from the people (never one they were not in training); a month typed by the clerk stays.
  const [monthTouched, setMonthTouched] = useState(false)
  const { checks, error: checkError, ready: checked } = useDocumentChecks(open && phase.step === 'form', target, periods.month, periods.day)
  const check = checks[kind]
  const suggested = checks.etat_presence?.defaultMonth ?? null
  // A kind that applies to no one of the selection is greyed: the first one that applies is chosen instead.
  useEffect(() => {
    if (!kindRefusal(checks[kind])) return
    const first = KIND_OPTIONS.find((o) => !kindUnavailable(o.value, target) && checks[o.value] && !kindRefusal(checks[o.value]))
    if (first) setKind(first.value)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checks])
  useEffect(() => {
    if (!monthTouched && suggested && suggested !== periods.month) setPeriods((p) => ({ ...p, month: suggested }))
  }, [monthTouched, suggested, periods.month])

  useEffect(() => {
    if (!open) return
    setKind(defaultKind)
    setOutput('files')
    setPeriods(defaultPeriods())
    setPhase({ step: 'form' })
    setError(null)
    setBusy(false)
    setChosenSession(null)
    setForce(false)
    setMonthTouched(false)
  }, [open, defaultKind])

  const finish = useCallback((job: DocumentJob) => {
    setPhase({ step: 'result', job })
    onGeneratedRef.current?.(job)
  }, [])

  const runningId = phase.step === 'running' ? phase.job.id : null
  useEffect(() => {
    if (!runningId) return
    let stopped = false
    let inFlight = false
    const timer = window.setInterval(() => {
      if (inFlight) return
      inFlight = true
      void api.call('documents:job', { jobId: runningId }).then((r) => {
        inFlight = false
        if (stopped) return
        if (!r.ok) {
          setError(r.error.message)
          return
        }
        if (r.value.state === 'running') setPhase((p) => (p.step === 'running' ? { ...p, job: r.value } : p))
        else {
          stopped = true
          finish(r.value)
        }
      })
    }, POLL_MS)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [api, runningId, finish])

  async function start(): Promise<void> {
    const built = generateInput({ kind, output, ...periods }, target)
    if (!built.ok) {
      setError(built.message)
      return
    }
    setError(null)
    setBusy(true)
    const r = await api.call('documents:generate', { ...built.input, ...(force ? { force: true } : {}) })
    setBusy(false)
    if (!r.ok) {
      setError(r.error.issues?.[0]?.message ?? r.error.message)
      return
    }
    if (r.value.state === 'running') setPhase({ step: 'running', job: r.value, cancelling: false })
    else finish(r.value)
  }

  async function cancel(): Promise<void> {
    if (phase.step !== 'running') return
    setPhase({ ...phase, cancelling: true })
    const r = await api.call('documents:cancel', { jobId: phase.job.id })
    if (!r.ok) setError(r.error.message)
    else if (r.value.state !== 'running') finish(r.value)
  }

  function close(): void {
    // Closing during a batch stops it: nothing keeps writing files no one is watching.
    if (phase.step === 'running') void api.call('documents:cancel', { jobId: phase.job.id })
    onClose()
  }

  const p = periodKind(kind)
  const footer =
    phase.step === 'form' ? (
      <>
        <button type="button" className="button" onClick={close}>
          Annuler
        </button>
        <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy} data-testid="generate-start">
          <Icon name="file" size={16} />
          {busy ? 'Lancement…' : 'Générer'}
        </button>
      </>
    ) : phase.step === 'running' ? (
      <button type="button" className="button" onClick={() => void cancel()} disabled={phase.cancelling} data-testid="generate-cancel">
        {phase.cancelling ? 'Annulation…' : 'Annuler'}
      </button>
    ) : (
      <>
        <button type="button" className="button" onClick={() => setPhase({ step: 'form' })}>
          Générer d’autres documents
        </button>
        <button type="button" className="button button--primary" onClick={close} autoFocus>
          Fermer
        </button>
      </>
    )

  return (
    <Modal open={open} title="Générer des documents" onClose={close} size="large" testId="generate-dialog" footer={footer}>
      <div className="generate" data-phase={phase.step}>
        {subject && (
          <p className="generate__subject" data-testid="generate-subject">
            <Icon name="user" size={14} /> {subject}
          </p>
        )}
        <FormError message={error} testId="generate-error" />
        {phase.step === 'form' && (
          <>
            {pickSession && (
              <label className="field generate__period">
                <span className="field__label">Session</span>
                <select
                  className="input input--session"
                  value={chosenSession ?? ''}
                  onChange={(e) => setChosenSession(e.target.value ? Number(e.target.value) : null)}
                  data-testid="generate-session"
                >
                  <option value="">Choisissez la session…</option>
                  {(sessions.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {sessionOptionLabel(s)}
                    </option>
                  ))}
                </select>
                <span className="field__hint">Les documents sont produits pour chaque stagiaire concerné de la session ; les autres sont listés avec la raison.</span>
              </label>
            )}
            <fieldset className="form__section">
              <legend>Type de document</legend>
              <div className="choice-grid" role="radiogroup" aria-label="Type de document" data-testid="kind-grid" data-checked={checked ? 'true' : 'false'}>
                {KIND_OPTIONS.map((o) => {
                  const why = kindUnavailable(o.value, target) ?? kindRefusal(checks[o.value])
                  return (
                    <label key={o.value} className={`choice${why ? ' choice--disabled' : ''}`} title={why ?? undefined} data-testid={`kind-${o.value}`} data-disabled={why ? 'true' : undefined}>
                      <input type="radio" name="document-kind" value={o.value} checked={kind === o.value} disabled={why !== null} onChange={() => setKind(o.value)} />
                      <span>
                        {o.label}
                        {why && <span className="choice__hint"> — {why}</span>}
                      </span>
                    </label>
                  )
                })}
              </div>
            </fieldset>
            {p === 'month' && (
              <label className="field generate__period">
                <span className="field__label">Mois de l’état de présence</span>
                <input
                  type="month"
                  className="input input--auto"
                  value={periods.month}
                  onChange={(e) => {
                    setMonthTouched(true)
                    setPeriods({ ...periods, month: e.target.value })
                  }}
                  data-testid="generate-month"
                />
              </label>
            )}
            {p === 'week' && (
              <label className="field generate__period">
                <span className="field__label">Semaine de la feuille d’émargement (un jour de la semaine)</span>
                <input type="date" className="input input--auto" value={periods.day} onChange={(e) => setPeriods({ ...periods, day: e.target.value })} data-testid="generate-day" />
                {periods.day && <span className="field__hint">{periodLabel(periods.day)}</span>}
              </label>
            )}
            {checkError && <p className="form-error">{checkError}</p>}
            {check && <DocumentCheckPanel check={check} force={force} onForce={setForce} onNavigate={close} />}
            <fieldset className="form__section">
              <legend>Fichiers produits</legend>
              <div className="choice-list" role="radiogroup" aria-label="Fichiers produits">
                {OUTPUT_CHOICES.map((o) => (
                  <label key={o.value} className="choice">
                    <input type="radio" name="document-output" value={o.value} checked={output === o.value} onChange={() => setOutput(o.value)} />
                    <span>
                      {o.label} <span className="choice__hint">— {o.hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}
        {phase.step === 'running' && <Progress job={phase.job} />}
        {phase.step === 'result' && <JobResult job={phase.job} onOpen={(d) => void files.open(d)} onDownload={(d) => void files.download(d)} />}
      </div>
    </Modal>
  )
}

function Progress({ job }: { job: DocumentJob }) {
  const { ratio, text } = jobProgress(job)
  const percent = Math.round(ratio * 100)
  return (
    <div className="import-progress" data-testid="generate-progress">
      <p className="import-progress__label">Génération des documents… {text}</p>
      <div className="progress" role="progressbar" aria-label="Avancement de la génération" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-progress__percent">{percent} %</p>
    </div>
  )
}

function DocumentLine({ doc, onOpen, onDownload, merged }: { doc: GeneratedDocument; onOpen: (d: GeneratedDocument) => void; onDownload: (d: GeneratedDocument) => void; merged?: boolean }) {
  return (
    <li className={`doc-line${merged ? ' doc-line--merged' : ''}`} data-testid={merged ? 'generate-merged' : 'generate-file'}>
      <Icon name="file" size={16} />
      <span className="doc-line__name" title={doc.path}>
        {doc.fileName}
      </span>
      {doc.traineeName && <span className="doc-line__who">{doc.traineeName}</span>}
      <button type="button" className="button button--small" onClick={() => onOpen(doc)}>
        Ouvrir
      </button>
      <button type="button" className="button button--small button--ghost" onClick={() => onDownload(doc)} aria-label={`Télécharger ${doc.fileName}`} title="Télécharger">
        <Icon name="download" size={14} />
      </button>
    </li>
  )
}

function JobResult({ job, onOpen, onDownload }: { job: DocumentJob; onOpen: (d: GeneratedDocument) => void; onDownload: (d: GeneratedDocument) => void }) {
  const tone = job.state === 'done' ? (job.skipped.length > 0 ? 'warning' : 'success') : job.state === 'cancelled' ? 'warning' : 'danger'
  return (
    <div className="generate__result" data-testid="generate-result" data-state={job.state}>
      <p className={`notice notice--${tone}`} data-testid="generate-summary">
        <Icon name={job.state === 'done' ? 'check' : 'alert'} size={16} />
        <span>{jobSummary(job)}</span>
      </p>
      {job.merged && (
        <section>
          <h3 className="generate__heading">Fichier fusionné pour impression</h3>
          <ul className="doc-list">
            <DocumentLine doc={job.merged} onOpen={onOpen} onDownload={onDownload} merged />
          </ul>
        </section>
      )}
      {job.documents.length > 0 && (
        <section>
          <h3 className="generate__heading">Fichiers ({documentCount(job.documents.length)})</h3>
          <ul className="doc-list doc-list--scroll">
            {job.documents.map((d) => (
              <DocumentLine key={d.id} doc={d} onOpen={onOpen} onDownload={onDownload} />
            ))}
          </ul>
        </section>
      )}
      {job.skipped.length > 0 && (
        <section>
          <h3 className="generate__heading">Stagiaires laissés de côté</h3>
          <ul className="skip-list" data-testid="generate-skipped">
            {job.skipped.map((s) => (
              <li key={s.enrolmentId}>
                <strong>{s.name}</strong> : {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.documents.length > 0 && <p className="muted generate__where">Les fichiers sont enregistrés dans le dossier « Documents générés » et figurent au registre de l’écran Documents.</p>}
    </div>
  )
}
