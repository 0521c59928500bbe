import { useRef, type ChangeEvent } from 'react'
import type { Organisation } from '@shared/api/areas/organisation'
import { useCommand } from '../../hooks/useCommand'
import { checkLogoFile, dataUrlToBase64, isLogoMime, readFileAsDataUrl } from './logo'

type Props = { logoDataUrl: string | null; onChanged: (o: Organisation) => void }

/** PNG or JPEG up to 1 Mo, printed on every document; saved at once (independent of the form). */
export function LogoCard({ logoDataUrl, onChanged }: Props) {
  const { run, busy, error, setError } = useCommand()
  const input = useRef<HTMLInputElement>(null)

  async function onFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const problem = checkLogoFile(file)
    if (problem || !isLogoMime(file.type)) {
      setError(problem ?? 'Le logo doit être une image PNG ou JPEG.')
      return
    }
    const mime = file.type
    setError(null)
    const r = await run(async (api) => {
      let base64: string
      try {
        base64 = dataUrlToBase64(await readFileAsDataUrl(file))
      } catch {
        return { ok: false, error: { code: 'invalid_input', message: 'Le fichier n’a pas pu être lu.' } } as const
      }
      return api.call('organisation:setLogo', { mime, base64 })
    }, { success: 'Logo enregistré.' })
    if (r.ok) onChanged(r.value)
  }

  async function remove(): Promise<void> {
    const r = await run((api) => api.call('organisation:removeLogo', {}), { success: 'Logo retiré.' })
    if (r.ok) onChanged(r.value)
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
