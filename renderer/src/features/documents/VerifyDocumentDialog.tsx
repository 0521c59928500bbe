import { useState } from 'react'
import type { DocumentVerification } from '@shared/api/areas/documents'
import { formatCode } from '@shared/domain/verificationCode'
import { useApi } from '../../api/ApiContext'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import './verify.css'
import { FormError } from '../../components/FormError'

/** Reads a chosen file as base64 (without the « data:…;base64, » prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error('Lecture du fichier impossible.'))
    reader.readAsDataURL(file)
  })
}

/** « 26/11/2026 à 10h00 », in the clerk's own time zone (the register stores UTC instants). */
function dateTime(iso: string): string {
  const d = new Date(iso)
  return `${d.toLocaleDateString('fr-FR')} à ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }).replace(':', 'h')}`
}

/** « Vérifier un document »: a PDF file or the code printed in its footer, checked against the register. */
export function VerifyDocumentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const api = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [code, setCode] = useState('')
  const [result, setResult] = useState<DocumentVerification | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function close(): void {
    setFile(null)
    setCode('')
    setResult(null)
    setError(null)
    onClose()
  }

  async function verify(): Promise<void> {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const base64 = file ? await readBase64(file) : undefined
      const r = await api.call('documents:verify', { ...(base64 !== undefined ? { base64 } : {}), ...(code.trim() !== '' ? { code } : {}) })
      if (r.ok) setResult(r.value)
      else setError(r.error.message)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const ok = result?.found && result.sha256Match !== false
  const doc = result?.document
  return (
    <Modal
      open={open}
      title="Vérifier un document"
      onClose={close}
      testId="verify-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Fermer
          </button>
          <button type="button" className="button button--primary" disabled={busy || (!file && code.trim() === '')} onClick={() => void verify()} data-testid="verify-run">
            <Icon name="check" size={16} />
            Vérifier
          </button>
        </>
      }
    >
      <p className="muted">
        Choisissez le fichier PDF reçu : son empreinte SHA-256 est comparée au registre. Sans le fichier (document papier), saisissez le code de vérification imprimé en bas de chaque page, à côté
        du QR code.
      </p>
      <div className="verify-inputs">
        <label className="field">
          <span className="field__label">Fichier PDF</span>
          <input type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="verify-file" />
        </label>
        <label className="field">
          <span className="field__label">ou code de vérification</span>
          <input className="input mono" value={code} placeholder="K7QX2-MA4PD" maxLength={40} onChange={(e) => setCode(e.target.value)} data-testid="verify-code" />
        </label>
      </div>
      <FormError message={error} testId="verify-error" />
      {result && (
        <div className={`notice notice--${ok ? 'success' : 'danger'}`} role="status" data-testid="verify-result">
          <Icon name={ok ? 'check' : 'alert'} size={16} />
          <div>
            <p>
              <strong>{result.message}</strong>
            </p>
            {doc && (
              <dl className="facts">
                <div className="facts__row">
                  <dt>Document</dt>
                  <dd>
                    {doc.kindLabel}
                    {doc.subject ? ` – ${doc.subject}` : ''}
                  </dd>
                </div>
                <div className="facts__row">
                  <dt>Généré</dt>
                  <dd>
                    le {dateTime(doc.generatedAt)} par {doc.generatedBy}
                  </dd>
                </div>
                <div className="facts__row">
                  <dt>Code</dt>
                  <dd className="mono">{result.code ? formatCode(result.code) : '—'}</dd>
                </div>
                <div className="facts__row">
                  <dt>Fichier</dt>
                  <dd>{result.sha256Match === null ? 'non fourni' : result.sha256Match ? 'identique à l’original (SHA-256)' : 'différent de l’original (SHA-256)'}</dd>
                </div>
                <div className="facts__row">
                  <dt>Remplacé</dt>
                  <dd>{doc.supersededBy ? `oui, le ${dateTime(doc.supersededBy.generatedAt)}${doc.supersededBy.code ? ` (code ${formatCode(doc.supersededBy.code)})` : ''}` : 'non, c’est la version en vigueur'}</dd>
                </div>
              </dl>
            )}
          </div>
        </div>
      )}
    </Modal>
  )
}
