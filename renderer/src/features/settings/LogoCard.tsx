import { useRef, useState, type ChangeEvent } from 'react'
import type { Organisation } from '../../../../shared/api/areas/organisation'
import { useApi } from '../../api/ApiContext'
import { useToast } from '../../components/Toasts'
import { checkLogoFile, dataUrlToBase64, isLogoMime, readFileAsDataUrl } from './logo'

type Props = { logoDataUrl: string | null; onChanged: (o: Organisation) => void }

/** PNG or JPEG up to 1 Mo, printed on every document; saved at once (independent of the form). */
export function LogoCard({ logoDataUrl, onChanged }: Props) {
  const api = useApi()
  const toast = useToast()
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const problem = checkLogoFile(file)
    if (problem || !isLogoMime(file.type)) {
      setError(problem ?? 'Le logo doit être une image PNG ou JPEG.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const base64 = dataUrlToBase64(await readFileAsDataUrl(file))
      const r = await api.call('organisation:setLogo', { mime: file.type, base64 })
      if (r.ok) {
        onChanged(r.value)
        toast.show('success', 'Logo enregistré.')
      } else setError(r.error.message)
    } catch {
      setError('Le fichier n’a pas pu être lu.')
    } finally {
      setBusy(false)
    }
  }

  async function remove(): Promise<void> {
    setBusy(true)
    const r = await api.call('organisation:removeLogo', {})
    setBusy(false)
    if (r.ok) {
      onChanged(r.value)
      toast.show('success', 'Logo retiré.')
    } else setError(r.error.message)
  }

  return (
    <section className="panel" aria-labelledby="logo-title">
      <header className="panel__header">
        <h2 id="logo-title" className="panel__title">
          Logo
        </h2>
      </header>
      <div className="logo-card">
        <div className="logo-card__preview">
          {logoDataUrl ? <img src={logoDataUrl} alt="Logo de l’organisme" data-testid="logo-preview" /> : <span className="muted">Aucun logo</span>}
        </div>
        <p className="muted small">Image PNG ou JPEG, 1 Mo au maximum. Il figure en en-tête de tous les documents.</p>
        {error && (
          <p className="field__message field__message--error" role="alert">
            {error}
          </p>
        )}
        <div className="logo-card__actions">
          <input ref={input} type="file" accept="image/png,image/jpeg" className="visually-hidden" aria-label="Fichier du logo" data-testid="logo-input" onChange={(e) => void onFile(e)} tabIndex={-1} />
          <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy}>
            {logoDataUrl ? 'Remplacer le logo…' : 'Choisir un logo…'}
          </button>
          {logoDataUrl && (
            <button type="button" className="button button--danger-ghost" onClick={() => void remove()} disabled={busy}>
              Retirer
            </button>
          )}
        </div>
      </div>
    </section>
  )
}
