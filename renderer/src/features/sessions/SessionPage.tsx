import { useCallback, useEffect, useState } from 'react'
import { Link, NavLink, useNavigate, useParams } from 'react-router-dom'
import type { SessionDetail } from '@shared/api/areas/catalogue'
import { RECRUITMENT_STATES, RECRUITMENT_STATE_CODES, type RecruitmentState } from '@shared/domain/recruitment'
import { useApi } from '../../api/ApiContext'
import { Badge } from '../../components/Badge'
import { AttendanceMonthGrid } from '../attendance/AttendanceMonthGrid'
import { EnrolmentsGrid } from '../enrolments/EnrolmentsGrid'
import { Icon } from '../../components/Icon'
import { useToast } from '../../components/Toasts'
import { useQuery } from '../../hooks/useQuery'
import { useShortcut } from '../../hooks/useShortcut'
import { SourceBadge, STATE_TONES } from '../catalogue/catalogueColumns'
import { formatSessionPeriod, placeText, sessionDisplayName } from '../catalogue/catalogueFormat'
import { SESSION_TABS, isSessionTab, sessionPath, type SessionTab } from '../catalogue/catalogueRoutes'
import { SessionFormDialog } from '../catalogue/SessionFormDialog'
import { RecruitmentWarnings } from '../recruitment/RecruitmentWarnings'
import { RecruitmentWorkspace } from '../recruitment/RecruitmentWorkspace'
import { SessionSummary } from './SessionSummary'
import { SessionQuotesTab } from '../quotes/SessionQuotesTab'
import { SessionFunding } from '../quotes/SessionFunding'
import { ExitReportsTab } from '../exitReports/ExitReportsTab'
import { GenerateDocumentsDialog } from '../documents/GenerateDocumentsDialog'
import { SessionPlanningTab } from './SessionPlanningTab'
import { ConsistencyPanel } from '../consistency/ConsistencyPanel'
import './sessionPage.css'

/** Tabs whose content is a grid filling the page's height. */
const GRID_TABS = new Set<SessionTab>(['recrutement', 'assiduite', 'inscrits', 'entrees', 'bilans', 'devis'])

/** The page of one session (#/sessions/:id/:tab): identity in the header, then its tabs. */
export function SessionPage() {
  const params = useParams()
  const navigate = useNavigate()
  const api = useApi()
  const toast = useToast()
  const sessionId = Number(params.id)
  const tab: SessionTab = isSessionTab(params.tab) ? params.tab : 'synthese'
  const valid = Number.isInteger(sessionId) && sessionId > 0
  const session = useQuery('sessions:get', { id: valid ? sessionId : 1 }, { enabled: valid })
  const warnings = useQuery('recruitment:warnings', {})
  const [editing, setEditing] = useState(false)
  const [generating, setGenerating] = useState(false)
  const { reload, setData } = session
  const { reload: reloadWarnings } = warnings

  const detail = session.data && session.data.id === sessionId ? session.data : null

  useEffect(() => {
    if (detail) document.title = `${sessionDisplayName(detail)} — Passerelle`
  }, [detail])

  const refresh = useCallback(() => {
    void reload()
    void reloadWarnings()
  }, [reload, reloadWarnings])

  useShortcut('Ctrl+E', () => setEditing(true), { enabled: detail !== null })

  async function changeState(state: RecruitmentState): Promise<void> {
    if (!detail) return
    const r = await api.call('sessions:update', { id: detail.id, changes: { recruitmentState: state } })
    if (!r.ok) {
      toast.show('error', r.error.message)
      return
    }
    setData(() => r.value)
    void reloadWarnings()
    toast.show('success', `Recrutement ${RECRUITMENT_STATES[state].toLowerCase()} pour cette session.`)
  }

  if (!valid || session.error) {
    return (
      <div className="page">
        <p className="form-error" role="alert">
          {session.error ?? 'Adresse de session invalide.'}
        </p>
        <Link to="/formations?vue=sessions">Retour aux sessions</Link>
      </div>
    )
  }
  if (!detail) {
    return (
      <div className="page" aria-busy="true">
        <p className="muted">Chargement de la session…</p>
      </div>
    )
  }

  const sessionWarnings = (warnings.data ?? []).filter((w) => w.sessionId === detail.id)
  // The compact header (short screens) keeps the meta line on one line, cut: its whole text on hover.
  const place = placeText(detail.placeName, detail.placeCity)
  const metaText = [
    detail.intercarifSessionId ? `Session n° ${detail.intercarifSessionId}` : null,
    detail.intercarifActionId ? `Action ${detail.intercarifActionId}` : null,
    formatSessionPeriod(detail),
    place || null
  ]
    .filter(Boolean)
    .join(' · ')

  return (
    <div className={`page session-page${GRID_TABS.has(tab) ? ' page--grid' : ''}`} data-testid="session-page">
      <header className="session-head">
        <nav className="breadcrumb" aria-label="Fil d’Ariane">
          <Link to="/formations?vue=sessions&periode=toutes">
            <Icon name="arrowLeft" size={14} /> Formations & sessions
          </Link>
          <span aria-hidden="true">›</span>
          <Link to={`/formations?vue=sessions&periode=toutes&formation=${detail.trainingId}`}>{detail.trainingTitle}</Link>
        </nav>
        <div className="session-head__main">
          <div className="session-head__titles">
            <h2 className="session-head__title" data-testid="session-title">
              {detail.label ?? detail.trainingTitle}
            </h2>
            <p className="session-head__meta" title={metaText}>
              {detail.intercarifSessionId && (
                <span>
                  Session n° <span className="mono">{detail.intercarifSessionId}</span>
                </span>
              )}
              {detail.intercarifActionId && (
                <span>
                  Action <span className="mono">{detail.intercarifActionId}</span>
                </span>
              )}
              <span>{formatSessionPeriod(detail)}</span>
              {place && <span>{place}</span>}
            </p>
          </div>
          <div className="session-head__badges">
            <SourceBadge source={detail.source} />
            {detail.missingFromSource && <Badge tone="warning">Absente du dernier import</Badge>}
            <label className="state-select">
              <span>Recrutement</span>
              <select
                className={`input input--auto state-select__input state-select__input--${STATE_TONES[detail.recruitmentState]}`}
                value={detail.recruitmentState}
                onChange={(e) => void changeState(e.target.value as RecruitmentState)}
                data-testid="session-state"
              >
                {RECRUITMENT_STATE_CODES.map((c) => (
                  <option key={c} value={c}>
                    {RECRUITMENT_STATES[c]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={() => setGenerating(true)} title="Certificats, attestations, états de présence, feuilles d’émargement, bilans…" data-testid="session-generate-documents">
              <Icon name="file" size={16} />
              {/* A short screen's compact header keeps one line: the long label gives way to « Documents ». */}
              <span className="session-head__long">Générer les documents de la session</span>
              <span className="session-head__short">Documents</span>
            </button>
            <button type="button" className="button" onClick={() => setEditing(true)} title="Modifier la session (Ctrl+E)">
              <Icon name="edit" size={16} />
              Modifier
            </button>
          </div>
        </div>
        <nav className="tabs" aria-label="Onglets de la session">
          {SESSION_TABS.map((t) => (
            <NavLink key={t.id} to={sessionPath(detail.id, t.id)} end className={() => `tabs__tab${t.id === tab ? ' tabs__tab--active' : ''}`} aria-current={t.id === tab ? 'page' : undefined} data-testid={`session-tab-${t.id}`}>
              {t.label}
              {t.id === 'recrutement' && detail.events > 0 && <span className="tabs__count">{detail.events}</span>}
              {t.id === 'synthese' && detail.warnings.length > 0 && (
                <span className="tabs__alert" title={detail.warnings.join('\n')}>
                  <Icon name="alert" size={13} />
                </span>
              )}
            </NavLink>
          ))}
        </nav>
      </header>

      {tab === 'synthese' && (
        <>
          <SessionSummary session={detail} onOpenRecruitment={() => navigate(sessionPath(detail.id, 'recrutement'))} />
          <SessionFunding sessionId={detail.id} />
        </>
      )}
      {tab === 'recrutement' && (
        <>
          <RecruitmentWarnings warnings={sessionWarnings} linkToSession={false} />
          <RecruitmentWorkspace fixedSessionId={detail.id} onChanged={refresh} />
        </>
      )}
      {tab === 'assiduite' && <AttendanceMonthGrid sessionId={detail.id} />}
      {tab === 'inscrits' && <EnrolmentsGrid sessionId={detail.id} onChanged={refresh} />}
      {tab === 'entrees' && <EnrolmentsGrid sessionId={detail.id} defaultStatuses={['inscrit', 'entre']} onChanged={refresh} />}
      {tab === 'planning' && <SessionPlanningTab sessionId={detail.id} onChanged={refresh} />}
      {tab === 'bilans' && <ExitReportsTab sessionId={detail.id} sessionName={detail.label ?? detail.trainingTitle} />}
      {tab === 'devis' && <SessionQuotesTab sessionId={detail.id} />}
      {tab === 'controle' && <ConsistencyPanel sessionId={detail.id} />}

      <GenerateDocumentsDialog open={generating} sessionId={detail.id} subject={`Session : ${detail.label ?? detail.trainingTitle}`} onClose={() => setGenerating(false)} />
      <SessionFormDialog
        open={editing}
        sessionId={detail.id}
        onClose={() => setEditing(false)}
        onSaved={(s: SessionDetail) => {
          setEditing(false)
          setData(() => s)
          void reloadWarnings()
          toast.show('success', 'Session enregistrée.')
        }}
      />
    </div>
  )
}
