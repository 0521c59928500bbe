import { EnrolmentsGrid } from './EnrolmentsGrid'

/** Inscriptions: every enrolment of every session, filtered by the URL query (a dashboard counter links here). */
export function EnrolmentsPage() {
  return (
    <div className="page page--grid" data-testid="enrolments-page">
      <EnrolmentsGrid />
    </div>
  )
}
