import type { ReactNode } from 'react'
import type { SessionDetail } from '@shared/api/areas/catalogue'
import { formatDateFr } from '@shared/domain/dates'
import { ENROLMENT_STATUSES, ENROLMENT_STATUS_CODES } from '@shared/domain/enrolment'
import { formatHours } from '@shared/domain/hours'
import { Badge } from '../../components/Badge'
import { Icon } from '../../components/Icon'
import { RecruitmentStateBadge, SourceBadge } from '../catalogue/catalogueColumns'
import { WEEKDAYS_SHORT, entryModeLabel, formatSessionDate, fundersText, hoursText, placesLabel, placesRatio } from '../catalogue/catalogueFormat'
import { dateWithWeekday } from '../recruitment/recruitmentFormat'

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value === '' || value === null ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  )
}

const mono = (s: string | null): ReactNode => (s ? <span className="mono">{s}</span> : '')

/** Synthèse: everything known about the session at a glance. */
export function SessionSummary({ session: s, onOpenRecruitment }: { session: SessionDetail; onOpenRecruitment: () => void }) {
  const ratio = placesRatio(s.placesTaken, s.capacity)
  const totalHours = s.hoursCentre !== null || s.hoursCompany !== null ? (s.hoursCentre ?? 0) + (s.hoursCompany ?? 0) : null
  const enrolmentTotal = Object.values(s.enrolmentsByStatus).reduce((a, b) => a + b, 0)
  const maxCount = Math.max(1, ...Object.values(s.enrolmentsByStatus))
  const weekTotal = s.weeklyHours?.reduce((a, b) => a + b, 0) ?? null

  return (
    <div className="summary-grid" data-testid="session-summary">
      {s.warnings.length > 0 && (
        <div className="notice notice--warning summary-grid__wide" role="status">
          <Icon name="alert" size={16} />
          <div>
            {s.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
            <button type="button" className="link-button" onClick={onOpenRecruitment}>
              Planifier un créneau de recrutement
            </button>
          </div>
        </div>
      )}

      <section className="panel">
        <h3 className="panel__subtitle">Identification</h3>
        <Facts
          rows={[
            ['Formation', s.trainingTitle],
            ['N° formation', mono(s.intercarifFormationId)],
            ['N° action', mono(s.intercarifActionId)],
            ['N° session CARIF', mono(s.intercarifSessionId)],
            ['Libellé', s.label ?? ''],
            [
              'Source',
              <span key="source" className="inline-badges">
                <SourceBadge source={s.source} />
                {s.missingFromSource && <Badge tone="warning">Absente du dernier import</Badge>}
              </span>
            ]
          ]}
        />
      </section>

      <section className="panel">
        <h3 className="panel__subtitle">Calendrier</h3>
        <Facts
          rows={[
            ['Début', formatSessionDate(s.startDate, s.startPrecision)],
            ['Fin', formatSessionDate(s.endDate, s.endPrecision)],
            [
              'Inscriptions',
              s.registrationStartDate || s.registrationEndDate
                ? `${s.registrationStartDate ? `du ${formatDateFr(s.registrationStartDate)}` : ''} ${s.registrationEndDate ? `au ${formatDateFr(s.registrationEndDate)}` : ''}`.trim()
                : ''
            ],
            ['Mode d’entrée', entryModeLabel(s.entryMode)],
            ['Prochain créneau', s.nextEventDate ? dateWithWeekday(s.nextEventDate) : <span className="muted">aucun à venir</span>]
          ]}
        />
      </section>

      <section className="panel">
        <h3 className="panel__subtitle">Lieu et places</h3>
        <Facts
          rows={[
            ['Lieu', s.placeName ?? ''],
            ['Ville', s.placeCity ?? ''],
            ['Capacité', s.capacity === null ? '' : `${s.capacity} place${s.capacity > 1 ? 's' : ''}`],
            [
              'Places prises',
              <span key="places" className="places-fact" data-testid="places-taken">
                <strong>{placesLabel(s.placesTaken, s.capacity)}</strong>
                {ratio !== null && (
                  <span className="places-cell__bar places-cell__bar--wide" aria-hidden="true">
                    <span className={`places-cell__fill${ratio >= 1 ? ' places-cell__fill--full' : ''}`} style={{ width: `${Math.round(ratio * 100)}%` }} />
                  </span>
                )}
              </span>
            ],
            ['Financeurs', fundersText(s.funders)]
          ]}
        />
      </section>

      <section className="panel">
        <h3 className="panel__subtitle">Heures et encadrement</h3>
        <Facts
          rows={[
            ['En centre', hoursText(s.hoursCentre)],
            ['En entreprise', hoursText(s.hoursCompany)],
            ['Total', hoursText(totalHours)],
            ['Formateur', s.trainerName ?? ''],
            ['Référent', s.referentName ?? '']
          ]}
        />
        <h4 className="panel__minor">Planning hebdomadaire</h4>
        {s.weeklyHours ? (
          <table className="week-table" data-testid="weekly-hours">
            <thead>
              <tr>
                {WEEKDAYS_SHORT.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
                <th scope="col">Semaine</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {s.weeklyHours.map((h, i) => (
                  <td key={i} className={h === 0 ? 'muted' : undefined}>
                    {h === 0 ? '—' : `${formatHours(h)} h`}
                  </td>
                ))}
                <td>
                  <strong>{weekTotal === null ? '' : `${formatHours(weekTotal)} h`}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        ) : (
          <p className="muted small">Non renseigné (« Modifier » pour saisir les heures de chaque jour).</p>
        )}
      </section>

      <section className="panel">
        <h3 className="panel__subtitle">Recrutement</h3>
        <Facts
          rows={[
            ['État', <RecruitmentStateBadge key="state" state={s.recruitmentState} />],
            ['Créneaux', `${s.events}`],
            ['Positionnements', `${s.registrations}`],
            ['Alertes', s.warnings.length === 0 ? <span className="ok-text">aucune</span> : <span className="warn-text">{s.warnings.length}</span>]
          ]}
        />
        <button type="button" className="button" onClick={onOpenRecruitment}>
          Créneaux et candidats
        </button>
      </section>

      <section className="panel">
        <h3 className="panel__subtitle">
          Inscriptions par statut <span className="muted">({enrolmentTotal})</span>
        </h3>
        <table className="status-table" data-testid="enrolment-counts">
          <tbody>
            {ENROLMENT_STATUS_CODES.map((code) => {
              const n = s.enrolmentsByStatus[code] ?? 0
              return (
                <tr key={code} className={`status-table__row${n === 0 ? ' status-table__row--zero' : ''}`} data-status={code}>
                  <th scope="row" className="status-table__label">
                    <span className="status-table__label-inner">
                      <span className={`status-dot status-dot--${code}`} aria-hidden="true" />
                      {ENROLMENT_STATUSES[code]}
                    </span>
                  </th>
                  <td className="status-table__count">{n}</td>
                  <td className="status-table__bar-cell">
                    <span className="status-table__bar" style={{ width: `${Math.round((n / maxCount) * 100)}%` }} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </div>
  )
}
