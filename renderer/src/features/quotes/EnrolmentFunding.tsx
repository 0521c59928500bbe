import { useEffect, useState } from 'react'
import { funderText } from '@shared/domain/aifQuoteFunding'
import { FUNDINGS, FUNDING_CODES } from '@shared/domain/enrolment'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'

/**
 * An enrolment's funding in its side panel: the session's by default, or its own (an AIF-funded
 * person in a region-funded session) with its reference; an AIF enrolment shows its quote's status.
 */
export function EnrolmentFunding({ enrolmentId }: { enrolmentId: number }) {
  const { run, busy } = useCommand()
  const info = useQuery('quotes:enrolmentFunding', { enrolmentId })
  const [funding, setFunding] = useState('')
  const [reference, setReference] = useState('')
  const [employer, setEmployer] = useState('')
  useEffect(() => {
    setFunding(info.data?.funding ?? '')
    setReference(info.data?.fundingReference ?? '')
    setEmployer(info.data?.employerName ?? '')
  }, [info.data])
  const d = info.data
  if (!d) return null

  async function save(): Promise<void> {
    const code = FUNDING_CODES.find((c) => c === funding) ?? null
    const r = await run((api) => api.call('quotes:setEnrolmentFunding', { enrolmentId, funding: code, fundingReference: reference, employerName: employer }), { success: () => 'Financement de l’inscription enregistré.' })
    if (r.ok) info.setData(() => r.value)
  }
  const changed = funding !== (d.funding ?? '') || reference !== (d.fundingReference ?? '') || employer !== (d.employerName ?? '')
  return (
    <section className="history-section" aria-labelledby="enrolment-funding-title" data-testid="enrolment-funding">
      <h3 id="enrolment-funding-title" className="history-section__title">
        Financement
      </h3>
      <p className="muted small">Session : {d.sessionFunders.length === 0 ? 'aucun financeur renseigné' : d.sessionFunders.map(funderText).join(' ; ')}</p>
      <div className="quote-create__row">
        <select className="input input--auto" aria-label="Financement de l’inscription" value={funding} onChange={(e) => setFunding(e.target.value)} data-testid="enrolment-funding-select">
          <option value="">Celui de la session</option>
          {FUNDING_CODES.map((c) => (
            <option key={c} value={c}>
              {FUNDINGS[c]}
            </option>
          ))}
        </select>
        <input className="input input--auto" size={14} placeholder="Référence" aria-label="Référence du financement" value={reference} onChange={(e) => setReference(e.target.value)} />
        <input
          className="input input--auto"
          size={18}
          placeholder="Employeur (salarié)"
          title="L’employeur d’un stagiaire salarié : imprimé sur le certificat de réalisation"
          aria-label="Employeur du stagiaire"
          value={employer}
          onChange={(e) => setEmployer(e.target.value)}
          data-testid="enrolment-employer"
        />
        <button type="button" className="button button--small" disabled={!changed || busy} onClick={() => void save()}>
          Enregistrer
        </button>
      </div>
      {d.quote && (
        <p className="small" data-testid="enrolment-quote">
          Devis AIF {d.quote.number} : {d.quote.statusLabel.toLowerCase()}
        </p>
      )}
    </section>
  )
}
