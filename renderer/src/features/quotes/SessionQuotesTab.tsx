import { useMemo, useState } from 'react'
import { QUOTE_STATUSES } from '@shared/domain/aifQuoteStatus'
import { todayIso } from '@shared/domain/dates'
import { parseEuros } from '@shared/domain/money'
import { pluralWord } from '@shared/domain/frenchFormat'
import { Icon } from '../../components/Icon'
import { countLabel } from '../../grid/cellValues'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { QuotesGrid } from './QuotesGrid'
import { FormError } from '../../components/FormError'

/**
 * The session's « Devis » tab: its quotes, and drafts created in one go for the enrolments ticked
 * (prefilled from the enrolment, the training, the organisation and the planned hours).
 */
export function SessionQuotesTab({ sessionId }: { sessionId: number }) {
  const { run, busy, error, setError } = useCommand()
  const candidates = useQuery('quotes:candidates', { sessionId })
  const [checked, setChecked] = useState<Set<number>>(new Set())
  const [hourly, setHourly] = useState('')
  const [reloadKey, setReloadKey] = useState(0)
  const filter = useMemo(() => ({ sessionId }), [sessionId])
  const free = (candidates.data ?? []).filter((c) => c.activeQuote === null)

  async function create(): Promise<void> {
    let hourlyCents: number | undefined
    if (hourly.trim() !== '') {
      const r = parseEuros(hourly)
      if (!r.ok) return setError(`Prix horaire : ${r.message}`)
      hourlyCents = r.value
    }
    const r = await run((api) => api.call('quotes:create', { sessionId, enrolmentIds: [...checked], ...(hourlyCents !== undefined ? { hourlyCents } : {}) }), {
      success: (rows) =>
        `${countLabel(rows.length, 'devis créé', 'devis créés')} (${pluralWord(rows.length, 'brouillon', 'brouillons')}) : ${countLabel(rows.filter((q) => q.refusalCount > 0).length, 'bloqué', 'bloqués')}, ${rows.filter((q) => q.refusalCount === 0 && q.warningCount > 0).length} avec alerte.`
    })
    if (r.ok) {
      setChecked(new Set())
      setReloadKey((k) => k + 1)
      void candidates.reload()
    }
  }

  const toggle = (id: number): void => {
    const next = new Set(checked)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChecked(next)
  }

  return (
    <div className="quotes" data-testid="session-quotes">
      <section className="quote-create" aria-label="Créer des devis AIF">
        <div className="quote-create__row">
          <strong>Créer des devis AIF</strong>
          <span className="muted">{free.length === 0 ? 'Chaque inscrit a déjà un devis en cours.' : `${countLabel(free.length, 'inscrit', 'inscrits')} sans devis en cours`}</span>
        </div>
        <ul className="quote-create__list" data-testid="quote-candidates">
          {(candidates.data ?? []).map((c) => (
            <li key={c.enrolmentId}>
              <label title={c.activeQuote ? `Devis ${c.activeQuote.number} (${QUOTE_STATUSES[c.activeQuote.status].toLowerCase()})` : undefined}>
                <input type="checkbox" disabled={c.activeQuote !== null} checked={checked.has(c.enrolmentId)} onChange={() => toggle(c.enrolmentId)} data-testid="quote-candidate" data-name={`${c.lastName} ${c.firstName}`} />{' '}
                {c.lastName.toLocaleUpperCase('fr-FR')} {c.firstName}
                {c.activeQuote && <span className="muted"> — {c.activeQuote.number}</span>}
              </label>
            </li>
          ))}
        </ul>
        <div className="quote-create__row">
          <label>
            Prix horaire (€){' '}
            <input className="input input--auto" size={8} placeholder="celui de l’action" value={hourly} onChange={(e) => setHourly(e.target.value)} data-testid="quote-create-hourly" />
          </label>
          <button type="button" className="button button--primary" disabled={checked.size === 0 || busy} onClick={() => void create()} data-testid="quote-create">
            <Icon name="plus" size={16} />
            Créer {checked.size > 0 ? countLabel(checked.size, 'devis', 'devis') : 'les devis'}
          </button>
          <FormError message={error} testId="quote-create-error" inline />
        </div>
      </section>
      <QuotesGrid filter={filter} withSession={false} today={todayIso()} reloadKey={reloadKey} onChanged={() => void candidates.reload()} />
    </div>
  )
}
