// The sustainability plan as an A4 document for commissioners: the headline numbers, what it will
// take, every trainee still in training, supervision against capacity, projected accreditations and
// the cost to complete, with how the numbers are worked out. A pure function of the domain's report.
import { Document, Page, View } from '@react-pdf/renderer'
import { allClear, budgetLines, DEFINITIONS, flagCount, headlineItems, hours, monthCell, partMonthNote, severityWord, supervisorVerdict } from '~/components/sustainability-report'
import { formatHours } from '~/domain/readiness'
import { plural, someNames } from '~/domain/wording'
import type { SustainabilityReport } from '~/domain/sustainability'
import { formatDate, formatMonth } from '~/utils/dates'
import { formatPence } from '~/utils/money'
import { PdfTable } from './table'
import { PdfText } from './text'
import { base, colours } from './theme'

interface Props {
  report: SustainabilityReport
  programmeName: string
  /** True when the figures are a what-if rather than the programme's own. */
  whatIf: boolean
  generatedOn: string
}

const MAX_FLAGGED_EXPLAINED = 30
const MAX_SUPERVISOR_COLUMNS = 4

export function SustainabilityDocument({ report, programmeName, whatIf, generatedOn }: Props) {
  const { budget, totals, demand } = report
  const flagged = report.trainees.filter((t) => t.flags.length > 0)
  // Bounded by construction, so a national programme's plan stays a document people read: the reasons
  // of the first trainees flagged (the programme page lists every one's), and a column per supervisor
  // in the month table only while a page can hold them (the table above has each supervisor's figures).
  const explained = flagged.slice(0, MAX_FLAGGED_EXPLAINED)
  const allNamed = demand.supervisors.filter((l) => l.supervisorId !== null || l.trainees.length > 0)
  const named = allNamed.length <= MAX_SUPERVISOR_COLUMNS ? allNamed : []
  return (
    <Document title={`Sustainability plan – ${programmeName}`} author="Attune">
      <Page size="A4" style={base.page}>
        <PdfText style={[base.footer, { left: 44, right: 44, textAlign: 'right' }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        <PdfText style={[base.footer, { left: 44 }]} fixed>
          {programmeName} · sustainability plan as of {formatDate(report.asOf)}
        </PdfText>

        <PdfText style={[base.muted, { fontSize: 9 }]}>Video Interaction Guidance training · sustainability plan</PdfText>
        <PdfText style={[base.h1, { marginTop: 8 }]}>{programmeName}</PdfText>
        <PdfText style={prose}>
          What it will take for every trainee still in training to finish: as of {formatDate(report.asOf)}, with the funding ending on {formatDate(report.endsOn)}, supervisors’ capacity of{' '}
          {hours(report.capacityMinutesPerMonth)} a month and a budget of {formatPence(budget.budgetPence)}.
        </PdfText>
        {whatIf ? <PdfText style={{ color: colours.red, fontWeight: 'bold', marginTop: 4 }}>WHAT-IF FIGURES: not the programme’s own settings.</PdfText> : null}
        <PdfText style={[base.muted, { marginTop: 4, fontSize: 8.5 }]}>Generated {formatDate(generatedOn)} from the live training record. Trainees are named; clients never are.</PdfText>

        <PdfText style={base.h2} minPresenceAhead={140}>
          At a glance
        </PdfText>
        <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
          {headlineItems(report).map(([label, value]) => (
            <View key={label} style={{ width: '20%', paddingRight: 6, marginBottom: 6 }}>
              <PdfText style={{ fontWeight: 'bold', fontSize: 18 }}>{value}</PdfText>
              <PdfText style={[base.muted, { fontSize: 8.5 }]}>{label}</PdfText>
            </View>
          ))}
        </View>
        <PdfBars rows={report.pipeline.map((p) => ({ label: p.label, values: [p.count] }))} format={String} />

        <PdfText style={base.h2} minPresenceAhead={140}>
          What it will take
        </PdfText>
        {report.recommendations.length === 0 ? (
          <PdfText style={prose}>{allClear(report)}</PdfText>
        ) : (
          report.recommendations.map((text, i) => (
            <View key={i} style={{ flexDirection: 'row', marginBottom: 4 }}>
              <PdfText style={{ width: 14 }}>{i + 1}.</PdfText>
              <PdfText style={[prose, { flex: 1 }]}>{text}</PdfText>
            </View>
          ))
        )}

        <PdfText style={base.h2} minPresenceAhead={140}>
          Every trainee still in training
        </PdfText>
        <View style={{ fontSize: 8.5, lineHeight: 1.3 }}>
          <PdfTable
            headers={['Trainee', 'Stage', 'Cycles left', 'New clients left', 'Supervision left', 'Projected accreditation', 'Flags']}
            widths={[1.4, 1.2, 0.6, 0.7, 0.9, 1.2, 1.2]}
            empty="No trainees are in training on this programme."
            rows={[
              ...report.trainees.map((t) => [
                t.name,
                t.stageName,
                String(t.remaining.cycles),
                String(t.remaining.newClients),
                formatHours(t.remaining.supervisionMinutes),
                t.projectedAccreditationOn ? `${formatDate(t.projectedAccreditationOn)}${t.finishesByEnd === false ? ' (after the end date)' : ''}` : 'Paused: no projection',
                flagCount(t.flags),
              ]),
              ...(report.trainees.length ? [['Total', '', String(totals.cycles), String(totals.newClients), formatHours(totals.supervisionMinutes), '', '']] : []),
            ]}
          />
        </View>
        {flagged.length > 0 ? (
          <View>
            {explained.map((t, i) => (
              // The heading travels with the first trainee's reasons; each trainee's reasons stay together.
              <View key={t.enrolmentId} style={{ marginBottom: 4 }} wrap={false}>
                {i === 0 ? <PdfText style={base.h3}>Why trainees are flagged</PdfText> : null}
                <PdfText style={base.bold}>{t.name}</PdfText>
                {t.flags.map((f) => (
                  <PdfText key={f.reason} style={[prose, { fontSize: 9 }]}>
                    {severityWord(f.severity)}: {f.reason}
                  </PdfText>
                ))}
              </View>
            ))}
            {flagged.length > explained.length ? (
              <PdfText style={[prose, { fontSize: 9 }]}>
                And {plural(flagged.length - explained.length, 'other trainee')} flagged: the programme’s page in Attune lists each one’s flags.
              </PdfText>
            ) : null}
          </View>
        ) : null}

        <View>
          <PdfText style={base.h2} minPresenceAhead={120}>
            Supervision needed against capacity
          </PdfText>
          <PdfText style={[prose, { marginBottom: 6 }]}>
            Each trainee’s supervision falls on their own supervisor, so each supervisor is weighed against their own time: one supervisor’s spare hours do not help another’s trainees unless
            a trainee moves. Hours in a full month to finish everyone by {formatDate(report.endsOn)}:
          </PdfText>
          <PdfTable
            headers={['Supervisor', 'Their trainees', 'Needed a month', 'Available a month', 'Enough time?']}
            widths={[1.2, 1.9, 0.9, 0.9, 1.5]}
            empty="No supervisors are recorded for this programme."
            rows={demand.supervisors.map((l) => [
              l.name,
              someNames(l.trainees.map((t) => t.name)) || 'None',
              hours(l.neededMinutesPerMonth),
              l.capacityMinutesPerMonth === null ? 'Not recorded' : hours(l.capacityMinutesPerMonth),
              supervisorVerdict(l),
            ])}
          />
          <PdfText style={[prose, { marginTop: 10, marginBottom: 6 }]} minPresenceAhead={80}>
            Hours needed each month to finish by {formatDate(report.endsOn)}, of the hours available, for all supervisors together{named.length ? ' and for each' : ''}:
          </PdfText>
          <PdfTable
            headers={['Month', 'All supervisors', ...named.map((l) => l.name), 'At current pace, all']}
            widths={[0.8, 1.2, ...named.map(() => 1.2), 0.9]}
            empty="No months to show."
            rows={demand.months.map((m, i) => [
              formatMonth(m.month),
              `${monthCell(m)}${m.overCapacity ? ': more than available' : ''}`,
              ...named.map((l) => `${monthCell(l.months[i])}${l.months[i].overCapacity ? ': more than available' : ''}`),
              hours(m.atPaceMinutes),
            ])}
          />
          {partMonthNote(report) ? <PdfText style={[base.muted, { marginTop: 4, fontSize: 8.5 }]}>{partMonthNote(report)}</PdfText> : null}
          <View style={{ marginTop: 10 }} wrap={false}>
            <PdfText style={base.h3}>All supervisors together, month by month</PdfText>
            <PdfBars
              rows={[
                ...demand.months.map((m) => ({ label: formatMonth(m.month), values: [m.byEndMinutes, m.atPaceMinutes] })),
                ...(demand.atPaceAfterEndMinutes > 0
                  ? [{ label: `After ${formatMonth(demand.months[demand.months.length - 1].month)}`, values: [demand.atPaceAfterEndMinutes], after: true }]
                  : []),
              ]}
              format={hours}
              legend={['To finish by the end date', 'At current pace']}
              reference={report.capacityMinutesPerMonth}
              endLabel={`Funding ends ${formatDate(report.endsOn)}`}
            />
          </View>
          {demand.atPaceAfterEndMinutes > 0 ? (
            <PdfText style={[prose, { marginTop: 4 }]}>At their current pace, {hours(demand.atPaceAfterEndMinutes)} of supervision falls after the funding has ended.</PdfText>
          ) : null}

          <PdfText style={base.h2} minPresenceAhead={140}>
            Projected accreditations by quarter
          </PdfText>
          <PdfTable
            headers={['Quarter', 'Accreditations', 'Trainees', 'Against the end date']}
            widths={[1, 1, 2.2, 1.2]}
            empty="No projected accreditations."
            rows={report.quarters.map((q) => [
              q.label,
              String(q.names.length),
              q.names.join(', ') || '–',
              q.containsEnd ? 'Funding ends in it' : q.afterEnd ? 'After funding ends' : 'Before the end',
            ])}
          />
          {report.unprojected.length > 0 ? <PdfText style={[base.muted, { marginTop: 4 }]}>No projection (paused): {report.unprojected.join(', ')}.</PdfText> : null}
        </View>

        <View>
          <PdfText style={base.h2} minPresenceAhead={140}>
            Cost to complete
          </PdfText>
          <PdfTable
            headers={['Trainee', 'Stage fees', 'Registration', 'Total']}
            widths={[2, 1, 1, 1]}
            empty="No fees remain."
            rows={[
              ...report.trainees.map((t) => [t.name, formatPence(t.cost.stageFeesPence), formatPence(t.cost.registrationPence), formatPence(t.cost.totalPence)]),
              ...(report.trainees.length ? [['Total', formatPence(totals.stageFeesPence), formatPence(totals.registrationPence), formatPence(totals.totalPence)]] : []),
            ]}
          />
          <View style={{ marginTop: 8 }} wrap={false}>
            {budgetLines(report).map(([label, value]) => (
              <View key={label} style={{ flexDirection: 'row', marginBottom: 2 }}>
                <PdfText style={[base.muted, { width: 160 }]}>{label}</PdfText>
                <PdfText style={base.bold}>{value}</PdfText>
              </View>
            ))}
          </View>

          <PdfText style={base.h2} minPresenceAhead={140}>
            How the numbers are worked out
          </PdfText>
          {DEFINITIONS.map((text) => (
            <PdfText key={text} style={[prose, { marginBottom: 4 }]}>
              {text}
            </PdfText>
          ))}
        </View>
      </Page>
    </Document>
  )
}

// Normal line spacing: a unitless lineHeight counts from the text's own font size, and without one react-pdf
// takes its default of 18 (base.prose alone spaced 10-point lines 25 points apart).
const prose = { fontSize: 10, lineHeight: 1.3 }

const BAR_COLOURS = [colours.blue, colours.grey]

/**
 * Simple horizontal bars with their values printed: readable in black and white. Rows marked
 * `after` (after the funding ends) come under a labelled line, drawn as outlined bars, not filled.
 */
function PdfBars({
  rows,
  format,
  legend,
  reference,
  endLabel,
}: {
  rows: { label: string; values: number[]; after?: boolean }[]
  format: (v: number) => string
  legend?: string[]
  reference?: number
  endLabel?: string
}) {
  const max = Math.max(1, reference ?? 0, ...rows.flatMap((r) => r.values))
  const firstAfter = rows.findIndex((r) => r.after)
  return (
    <View>
      {legend ? (
        <PdfText style={[base.muted, { fontSize: 8.5, marginBottom: 4 }]}>
          {legend.map((name, i) => `${i === 0 ? 'Upper bar' : 'lower bar'}: ${name}`).join('; ')}
          {firstAfter >= 0 ? '; after the funding ends, at current pace only' : ''}
          {reference !== undefined ? `; available in a full month: ${format(reference)}` : ''}
          {firstAfter >= 0 ? '; outlined bars: after the funding ends' : ''}
        </PdfText>
      ) : null}
      {rows.map((row, r) => (
        <View key={row.label} wrap={false}>
          {r === firstAfter && endLabel ? (
            <View style={{ borderTopWidth: 1, borderTopColor: colours.red, borderStyle: 'dashed', marginTop: 2, marginBottom: 3, paddingTop: 1 }}>
              <PdfText style={{ fontSize: 8, color: colours.red, fontWeight: 'bold' }}>{endLabel}</PdfText>
            </View>
          ) : null}
          <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 3 }}>
            <PdfText style={{ width: 110, fontSize: 9 }}>{row.after ? `${row.label} (after funding ends)` : row.label}</PdfText>
            <View style={{ flex: 1 }}>
              {row.values.map((value, i) => (
                <View key={i} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 1 }}>
                  <View
                    style={
                      row.after
                        ? { width: `${(Math.max(value, 0) / max) * 80}%`, height: 7, borderWidth: value > 0 ? 1 : 0, borderColor: colours.dark, borderStyle: 'dashed' }
                        : { width: `${(Math.max(value, 0) / max) * 80}%`, height: 7, backgroundColor: BAR_COLOURS[i % 2] }
                    }
                  />
                  <PdfText style={{ fontSize: 8, marginLeft: 4 }}>{format(value)}</PdfText>
                </View>
              ))}
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
