import { Link } from 'react-router-dom'
import type { DocumentCheck, DocumentCheckItem } from '@shared/api/areas/documents'
import { Icon } from '../../components/Icon'

/** The screen where a missing item is completed. */
export function fixPath(item: DocumentCheckItem, sessionId: number): string {
  switch (item.fix) {
    case 'organisation':
      return '/parametres'
    case 'trainee':
      return '/stagiaires'
    case 'training':
      return '/formations'
    case 'enrolment':
      return `/sessions/${sessionId}/inscrits`
    case 'attendance':
      return `/sessions/${sessionId}/assiduite`
    case 'exitReport':
      return `/sessions/${sessionId}/bilans`
  }
}

function Fix({ item, sessionId, onNavigate }: { item: DocumentCheckItem; sessionId: number; onNavigate: () => void }) {
  return (
    <li>
      {item.message} —{' '}
      <Link to={fixPath(item, sessionId)} onClick={onNavigate} data-testid="check-fix">
        {item.fixLabel}
      </Link>
    </li>
  )
}

/**
 * What the selected document needs and lacks, before « Générer »: the organisation's gaps, each
 * person's, with a link to the screen to fix it, the people it cannot concern, and the
 * « générer quand même » choice (kept in the register).
 */
export function DocumentCheckPanel({ check, force, onForce, onNavigate }: { check: DocumentCheck; force: boolean; onForce: (v: boolean) => void; onNavigate: () => void }) {
  const incomplete = check.people.filter((p) => p.refusal === null && p.missing.length > 0)
  const refused = check.people.filter((p) => p.refusal !== null)
  const anySession = check.people[0]?.sessionId ?? 0
  const gaps = check.organisation.length > 0 || incomplete.length > 0
  if (!gaps && refused.length === 0) {
    return check.people.length > 0 ? (
      <p className="notice notice--success" data-testid="check-ok">
        <Icon name="check" size={16} /> <span>Données complètes : {check.ready === 1 ? '1 document sera généré' : `${check.ready} documents seront générés`}.</span>
      </p>
    ) : null
  }
  return (
    <section className="generate__check" data-testid="check-panel">
      {gaps && (
        <div className="notice notice--warning" data-testid="check-missing">
          <Icon name="alert" size={16} />
          <div>
            <strong>Données obligatoires manquantes</strong> — rien n’est généré pour les personnes concernées, sauf si vous cochez « générer quand même ».
            {check.organisation.length > 0 && (
              <div>
                Organisme :
                <ul className="skip-list">
                  {check.organisation.map((item) => (
                    <Fix key={item.message} item={item} sessionId={anySession} onNavigate={onNavigate} />
                  ))}
                </ul>
              </div>
            )}
            {incomplete.length > 0 && (
              <ul className="skip-list" data-testid="check-people">
                {incomplete.map((p) => (
                  <li key={p.enrolmentId}>
                    <strong>{p.name}</strong>
                    <ul>
                      {p.missing.map((item) => (
                        <Fix key={item.message} item={item} sessionId={p.sessionId} onNavigate={onNavigate} />
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
            <label className="choice">
              <input type="checkbox" checked={force} onChange={(e) => onForce(e.target.checked)} data-testid="check-force" />
              <span>Générer quand même (la liste des données manquantes est consignée au registre)</span>
            </label>
          </div>
        </div>
      )}
      {refused.length > 0 && (
        <div className="muted" data-testid="check-refused">
          Non concernés :
          <ul className="skip-list">
            {refused.map((p) => (
              <li key={p.enrolmentId}>
                <strong>{p.name}</strong> : {p.refusal}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
