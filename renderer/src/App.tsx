import { Navigate, Route, Routes } from 'react-router-dom'
import { useAppState } from './app/AppStateContext'
import { WelcomeScreen } from './features/clerk/WelcomeScreen'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { DocumentsPage } from './features/documents/DocumentsPage'
import { EnrolmentsPage } from './features/enrolments/EnrolmentsPage'
import { AttendancePage } from './features/attendance/AttendancePage'
import { BareGridBench } from './features/attendance/BareGridBench'
import { BareListBench, BlankBench } from './features/bench/BareListBench'
import { CataloguePage } from './features/catalogue/CataloguePage'
import { RecruitmentPage } from './features/recruitment/RecruitmentPage'
import { QuotesPage } from './features/quotes/QuotesPage'
import { BpfPage } from './features/bpf/BpfPage'
import { SessionPage } from './features/sessions/SessionPage'
import { HistoryPage } from './features/history/HistoryPage'
import { SettingsPage } from './features/settings/SettingsPage'
import { TraineesPage } from './features/trainees/TraineesPage'
import { Shell } from './layout/Shell'

export function App() {
  const { state, error, refresh } = useAppState()

  if (!state) {
    return (
      <main className="splash" aria-busy={!error}>
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">Passerelle</span>
        </div>
        {error ? (
          <div className="splash__error" role="alert">
            <p>{error}</p>
            <button type="button" className="button button--primary" onClick={() => void refresh()}>
              Réessayer
            </button>
          </div>
        ) : (
          <p className="muted">Ouverture de la base de données…</p>
        )}
      </main>
    )
  }

  if (!state.clerk) return <WelcomeScreen state={state} onSelected={() => void refresh()} />

  const onChanged = (): void => void refresh()
  return (
    <Shell state={state} onStateChanged={onChanged}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/formations" element={<CataloguePage />} />
        <Route path="/sessions/:id" element={<SessionPage />} />
        <Route path="/sessions/:id/:tab" element={<SessionPage />} />
        <Route path="/recrutement" element={<RecruitmentPage />} />
        <Route path="/inscriptions" element={<EnrolmentsPage />} />
        <Route path="/assiduite" element={<AttendancePage />} />
        {/* Built only for `npm run bench` (PASSERELLE_BENCH=1): the production router has no bench page. */}
        {__BENCH__ && <Route path="/__bench/bare-grid" element={<BareGridBench />} />}
        {__BENCH__ && <Route path="/__bench/bare-list" element={<BareListBench />} />}
        {__BENCH__ && <Route path="/__bench/blank" element={<BlankBench />} />}
        <Route path="/stagiaires" element={<TraineesPage />} />
        <Route path="/devis-factures" element={<QuotesPage />} />
        <Route path="/documents" element={<DocumentsPage />} />
        <Route path="/bpf" element={<BpfPage />} />
        <Route path="/parametres" element={<SettingsPage />} />
        <Route path="/historique" element={<HistoryPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  )
}
