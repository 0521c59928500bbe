import { useEffect, useState } from 'react'
import { COST_UNITS, SESSION_FUNDERS, SESSION_FUNDER_CODES, funderText, type CostUnit, type SessionFunder, type SessionFunderCode } from '@shared/domain/aifQuoteFunding'
import { formatEuros, parseEuros } from '@shared/domain/money'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import './quotes.css'
import { FormError } from '../../components/FormError'

type Line = { code: SessionFunderCode; cost: string; unit: CostUnit; reference: string }

const toLine = (f: SessionFunder): Line => ({ code: f.code, cost: f.teachingCostCents === null ? '' : formatEuros(f.teachingCostCents).replace(/\s?€$/, '').replace(/[\u202f\u00a0]/g, ' '), unit: f.costUnit ?? 'hour', reference: f.reference ?? '' })

/**
 * « Financement » of a session (Synthèse tab): its funders, each with the teaching cost per hour
 * or per place and the contract or market reference. The enrolments inherit them; the session's
 * AIF cost per hour prices its new quotes.
 */
export function SessionFunding({ sessionId }: { sessionId: number }) {
  const { run, busy, error, setError } = useCommand()
  const current = useQuery('quotes:sessionFunding', { sessionId })
  const [editing, setEditing] = useState(false)
  const [lines, setLines] = useState<Line[]>([])
  useEffect(() => {
    if (current.data) setLines(current.data.map(toLine))
  }, [current.data])

  async function save(): Promise<void> {
    const funders: SessionFunder[] = []
    for (const l of lines) {
      let cents: number | null = null
      if (l.cost.trim() !== '') {
        const r = parseEuros(l.cost)
        if (!r.ok) return setError(`${SESSION_FUNDERS[l.code]} : ${r.message}`)
        cents = r.value
      }
      funders.push({ code: l.code, teachingCostCents: cents, costUnit: cents === null ? null : l.unit, reference: l.reference.trim() || null })
    }
    const r = await run((api) => api.call('quotes:setSessionFunding', { sessionId, funders }), { success: () => 'Financement de la session enregistré.' })
    if (r.ok) {
      current.setData(() => r.value)
      setEditing(false)
    }
  }
  const set = (i: number, patch: Partial<Line>): void => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  const unused = SESSION_FUNDER_CODES.filter((c) => !lines.some((l) => l.code === c))

  return (
    <section className="panel quote-funding" aria-labelledby="session-funding-title" data-testid="session-funding">
      <div className="quote-create__row">
        <h3 id="session-funding-title" className="panel__title">
          Financement
        </h3>
        {!editing && (
          <button type="button" className="button button--small" onClick={() => setEditing(true)} aria-label="Modifier le financement" data-testid="session-funding-edit">
            Modifier
          </button>
        )}
      </div>
      {!editing && (
        <ul className="muted" data-testid="session-funding-list">
          {(current.data ?? []).length === 0 && <li>Aucun financeur renseigné.</li>}
          {(current.data ?? []).map((f) => (
            <li key={f.code}>{funderText(f)}</li>
          ))}
        </ul>
      )}
      {editing && (
        <>
          {lines.map((l, i) => (
            <div key={l.code} className="quote-create__row">
              <strong>{SESSION_FUNDERS[l.code]}</strong>
              <label>
                Coût pédagogique (€) <input className="input input--auto" size={10} value={l.cost} onChange={(e) => set(i, { cost: e.target.value })} data-testid={`funding-cost-${l.code}`} />
              </label>
              <select className="input input--auto" aria-label="Unité du coût" value={l.unit} onChange={(e) => set(i, { unit: e.target.value === 'place' ? 'place' : 'hour' })}>
                {(Object.keys(COST_UNITS) as CostUnit[]).map((u) => (
                  <option key={u} value={u}>
                    {COST_UNITS[u]}
                  </option>
                ))}
              </select>
              <label>
                Marché / convention <input className="input input--auto" size={18} value={l.reference} onChange={(e) => set(i, { reference: e.target.value })} />
              </label>
              <button type="button" className="button button--small" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                Retirer
              </button>
            </div>
          ))}
          <div className="quote-create__row">
            {unused.length > 0 && (
              <select className="input input--auto" aria-label="Ajouter un financeur" value="" onChange={(e) => { const code = unused.find((c) => c === e.target.value); if (code) setLines([...lines, { code, cost: '', unit: 'hour', reference: '' }]) }} data-testid="session-funding-add">
                <option value="">Ajouter un financeur…</option>
                {unused.map((c) => (
                  <option key={c} value={c}>
                    {SESSION_FUNDERS[c]}
                  </option>
                ))}
              </select>
            )}
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void save()} data-testid="session-funding-save">
              Enregistrer
            </button>
            <button type="button" className="button button--small" onClick={() => { setEditing(false); setLines((current.data ?? []).map(toLine)) }}>
              Annuler
            </button>
            <FormError message={error} inline />
          </div>
        </>
      )}
    </section>
  )
}
