import { useEffect, useRef } from 'react'
import { useSearchParams } from 'react-router-dom'
import { useQuery } from '../../hooks/useQuery'
import { AnonymisePanel } from './AnonymisePanel'
import { RetentionForm } from './RetentionForm'
import { FormError } from '../../components/FormError'

const NO_INPUT = {}
/** ?rgpd=anonymiser: opened from the dashboard's reminder, the list is shown at once. */
export const PRIVACY_PARAM = 'rgpd'

/** Paramètres › Données personnelles (RGPD): the retention period and the anonymisation. */
export function PrivacyCard() {
  const { data: settings, error, reload, setData } = useQuery('privacy:settings', NO_INPUT)
  const [params] = useSearchParams()
  const fromReminder = params.get(PRIVACY_PARAM) === 'anonymiser'
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    if (fromReminder && settings) ref.current?.scrollIntoView({ block: 'start' })
  }, [fromReminder, settings])

  return (
    <section ref={ref} className="panel privacy-card" aria-labelledby="privacy-title" data-testid="privacy-card">
      <header className="panel__header">
        <h2 id="privacy-title" className="panel__title">
          Données personnelles (RGPD)
        </h2>
      </header>
      <FormError message={error} />
      {settings && (
        <>
          <p className="muted small">
            {settings.dueCount === 0
              ? 'Personne n’a dépassé la durée de conservation.'
              : `${settings.dueCount} personne${settings.dueCount > 1 ? 's ont' : ' a'} dépassé la durée de conservation.`}{' '}
            Le droit d’accès (export des données d’une personne) se trouve sur sa fiche, écran Stagiaires.
          </p>
          <RetentionForm settings={settings} onSaved={(s) => setData(() => s)} />
          <AnonymisePanel key={settings.cutoff} settings={settings} autoPreview={fromReminder} onDone={() => void reload()} />
        </>
      )}
    </section>
  )
}
