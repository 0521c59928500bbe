import { useState } from 'react'
import type { BpfLine, BpfSection } from '@shared/api/areas/bpf'
import { todayIso } from '@shared/domain/dates'
import { Icon } from '../../components/Icon'
import { useCommand } from '../../hooks/useCommand'
import { useQuery } from '../../hooks/useQuery'
import { downloadBase64 } from '../../lib/downloadBase64'
import { BpfDrillDown } from './BpfDrillDown'
import { lineFigures, sourceCount, yearChoices } from './bpfFormat'

/**
 * « Bilan pédagogique et financier » (cerfa 10443) of a fiscal year: the figures the data holds in
 * the form's line order, each line opening what it is made of (invoices or enrolments); the
 * one-page summary to copy into the online form, and the workbook for the accountant.
 */
export function BpfPage() {
  const years = yearChoices(todayIso())
  const [year, setYear] = useState(years[0] ?? 2026)
  const [selected, setSelected] = useState<string | null>(null)
  const report = useQuery('bpf:compute', { year })
  const { run, busy } = useCommand()
  const data = report.data && report.data.year === year ? report.data : null
  const all = data?.sections.flatMap((s) => [...s.lines, s.total]) ?? []
  const chosen = all.find((l) => l.code === selected) ?? null

  const download = (op: 'bpf:summaryPdf' | 'bpf:exportXlsx'): void => {
    void run((api) => api.call(op, { year }), { success: (f) => `« ${f.fileName} » enregistré.` }).then((r) => r.ok && downloadBase64(r.value))
  }

  const row = (s: BpfSection, l: BpfLine, total = false) => {
    const f = lineFigures(s.id, l)
    return (
      <tr
        key={l.code}
        className={`bpf__row${total ? ' bpf__row--total' : ''}${selected === l.code ? ' bpf__row--selected' : ''}`}
        onClick={() => setSelected(l.code)}
        data-testid="bpf-line"
        data-code={l.code}
      >
        <td className="mono">{total ? 'Total' : l.code}</td>
        <td>
          <button type="button" className="link-button" onClick={() => setSelected(l.code)} title="Voir le détail">
            {l.label}
          </button>
        </td>
        {s.id === 'C' ? (
          <td className={`num${f.amount === 'à compléter' ? ' muted' : ''}`}>{f.amount}</td>
        ) : (
          <>
            <td className={`num${f.trainees === 'à compléter' ? ' muted' : ''}`}>{f.trainees}</td>
            <td className="num">{f.hours}</td>
          </>
        )}
        <td className="num muted">{sourceCount(l) > 0 ? sourceCount(l) : ''}</td>
      </tr>
    )
  }

  return (
    <div className="page bpf" data-testid="bpf-page">
      <div className="toolbar" role="toolbar" aria-label="Bilan pédagogique et financier">
        <label className="bpf__year">
          <span>Exercice</span>
          <select className="input input--auto" value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="bpf-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div className="toolbar__spacer" />
        <button type="button" className="button" disabled={busy || !data} onClick={() => download('bpf:summaryPdf')} data-testid="bpf-pdf">
          <Icon name="file" size={16} /> Synthèse PDF
        </button>
        <button type="button" className="button" disabled={busy || !data} onClick={() => download('bpf:exportXlsx')} data-testid="bpf-xlsx">
          <Icon name="download" size={16} /> Exporter (Excel)
        </button>
      </div>
      {report.error && (
        <p className="form-error" role="alert">
          {report.error}
        </p>
      )}
      {!data && !report.error && <p className="muted">Calcul du bilan…</p>}
      {data && (
        <div className="bpf__layout">
          <div className="bpf__sections">
            {data.sections.map((s) => (
              <section key={s.id} className="panel bpf__section" aria-labelledby={`bpf-${s.id}`} data-testid={`bpf-section-${s.id}`}>
                <h3 className="panel__title" id={`bpf-${s.id}`}>
                  {s.title}
                </h3>
                <table className="mini-table">
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">Intitulé</th>
                      {s.id === 'C' ? <th scope="col" className="num">Montant HT</th> : (
                        <>
                          <th scope="col" className="num">Stagiaires</th>
                          <th scope="col" className="num">Heures</th>
                        </>
                      )}
                      <th scope="col" className="num" title="Factures ou inscriptions qui font le chiffre">
                        Pièces
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.lines.map((l) => row(s, l))}
                    {row(s, s.total, true)}
                  </tbody>
                </table>
              </section>
            ))}
            <section className="panel" data-testid="bpf-to-complete">
              <h3 className="panel__title">À compléter dans le formulaire en ligne</h3>
              <ul className="rule-list">
                {data.toComplete.map((c) => (
                  <li key={c.code}>
                    <strong>{c.code}</strong> {c.label} — {c.reason}
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <aside className="bpf__aside">{chosen ? <BpfDrillDown line={chosen} /> : <p className="muted">Choisissez une ligne pour voir les factures ou les stagiaires qui font son chiffre.</p>}</aside>
        </div>
      )}
    </div>
  )
}
