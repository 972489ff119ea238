// The sustainability plan as an A4 document for commissioners: the headline numbers, what it will
// take, every trainee still in training, supervision against capacity, projected accreditations and
// the cost to complete, with how the numbers are worked out. A pure function of the domain's report.
import { Document, Page, View } from '@react-pdf/renderer'
import { allClear, budgetLines, DEFINITIONS, headlineItems, hours } from '~/components/sustainability-report'
import { formatHours } from '~/domain/readiness'
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

export function SustainabilityDocument({ report, programmeName, whatIf, generatedOn }: Props) {
  const { budget, totals, demand } = report
  return (
    <Document title={`Sustainability plan – ${programmeName}`} author="Attune">
      <Page size="A4" style={base.page}>
        <PdfText style={[base.footer, { left: 44, right: 44, textAlign: 'right' }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        <PdfText style={[base.footer, { left: 44 }]} fixed>
          {programmeName} · sustainability plan as of {formatDate(report.asOf)}
        </PdfText>

        <PdfText style={[base.muted, { fontSize: 9 }]}>Video Interaction Guidance training · sustainability plan</PdfText>
        <PdfText style={[base.h1, { marginTop: 8 }]}>{programmeName}</PdfText>
        <PdfText style={base.prose}>
          What it will take for every trainee still in training to finish: as of {formatDate(report.asOf)}, with the funding ending on {formatDate(report.endsOn)}, supervisors’ capacity of{' '}
          {hours(report.capacityMinutesPerMonth)} a month and a budget of {formatPence(budget.budgetPence)}.
        </PdfText>
        {whatIf ? <PdfText style={{ color: colours.red, fontWeight: 'bold', marginTop: 4 }}>WHAT-IF FIGURES: not the programme’s own settings.</PdfText> : null}
        <PdfText style={[base.muted, { marginTop: 4, fontSize: 8.5 }]}>Generated {formatDate(generatedOn)} from the live training record. Trainees are named; clients never are.</PdfText>

        <PdfText style={base.h2}>At a glance</PdfText>
        <View style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
          {headlineItems(report).map(([label, value]) => (
            <View key={label} style={{ width: '20%', paddingRight: 6, marginBottom: 6 }}>
              <PdfText style={{ fontWeight: 'bold', fontSize: 18 }}>{value}</PdfText>
              <PdfText style={[base.muted, { fontSize: 8.5 }]}>{label}</PdfText>
            </View>
          ))}
        </View>
        <PdfBars rows={report.pipeline.map((p) => ({ label: p.label, values: [p.count] }))} format={String} />

        <PdfText style={base.h2}>What it will take</PdfText>
        {report.recommendations.length === 0 ? (
          <PdfText style={base.prose}>{allClear(report)}</PdfText>
        ) : (
          report.recommendations.map((text, i) => (
            <View key={i} style={{ flexDirection: 'row', marginBottom: 4 }}>
              <PdfText style={{ width: 14 }}>{i + 1}.</PdfText>
              <PdfText style={[base.prose, { flex: 1 }]}>{text}</PdfText>
            </View>
          ))
        )}

        <PdfText style={base.h2}>Every trainee still in training</PdfText>
        <View style={{ fontSize: 8.5 }}>
          <PdfTable
            headers={['Trainee', 'Stage', 'Cycles left', 'New clients left', 'Supervision left', 'Projected accreditation', 'Flags']}
            widths={[1.3, 1.1, 0.6, 0.7, 0.8, 1.1, 2.4]}
            empty="No trainees are in training on this programme."
            rows={[
              ...report.trainees.map((t) => [
                t.name,
                t.stageName,
                String(t.remaining.cycles),
                String(t.remaining.newClients),
                formatHours(t.remaining.supervisionMinutes),
                t.projectedAccreditationOn ? `${formatDate(t.projectedAccreditationOn)}${t.finishesByEnd === false ? ' (after the end date)' : ''}` : 'Paused: no projection',
                t.flags.map((f) => `${f.severity === 'red' ? 'Red' : 'Amber'}: ${f.reason}`).join('\n') || 'None',
              ]),
              ...(report.trainees.length ? [['Total', '', String(totals.cycles), String(totals.newClients), formatHours(totals.supervisionMinutes), '', '']] : []),
            ]}
          />
        </View>

        <View break>
          <PdfText style={base.h2}>Supervision needed against capacity</PdfText>
          <PdfText style={[base.prose, { marginBottom: 6 }]}>
            Hours a month to finish everyone by {formatDate(report.endsOn)}, and at the trainees’ current pace, against the supervisors’ capacity of {hours(report.capacityMinutesPerMonth)} a
            month.
          </PdfText>
          <PdfTable
            headers={['Month', `Needed by ${formatDate(report.endsOn)}`, 'At current pace', 'Capacity', 'Over capacity']}
            widths={[1, 1.2, 1, 1, 1.2]}
            empty="No months to show."
            rows={demand.months.map((m) => [
              formatMonth(m.month),
              hours(m.byEndMinutes),
              hours(m.atPaceMinutes),
              hours(m.capacityMinutes),
              m.overCapacity ? `Yes, by ${hours(m.byEndMinutes - m.capacityMinutes)}` : 'No',
            ])}
          />
          <View style={{ marginTop: 8 }}>
            <PdfBars
              rows={demand.months.map((m) => ({ label: formatMonth(m.month), values: [m.byEndMinutes, m.atPaceMinutes] }))}
              format={hours}
              legend={['By the end date', 'At current pace']}
              reference={report.capacityMinutesPerMonth}
            />
          </View>
          {demand.atPaceAfterEndMinutes > 0 ? (
            <PdfText style={[base.prose, { marginTop: 4 }]}>At their current pace, {hours(demand.atPaceAfterEndMinutes)} of supervision falls after the funding has ended.</PdfText>
          ) : null}

          <PdfText style={base.h2}>Projected accreditations by quarter</PdfText>
          <PdfTable
            headers={['Quarter', 'Accreditations', 'Trainees', 'Against the end date']}
            widths={[1, 0.8, 2.4, 1.2]}
            empty="No projected accreditations."
            rows={report.quarters.map((q) => [
              q.label,
              String(q.names.length),
              q.names.join(', ') || '–',
              q.containsEnd ? 'Funding ends' : q.afterEnd ? 'After funding ends' : 'Before the end',
            ])}
          />
          {report.unprojected.length > 0 ? <PdfText style={[base.muted, { marginTop: 4 }]}>No projection (paused): {report.unprojected.join(', ')}.</PdfText> : null}
        </View>

        <View break>
          <PdfText style={base.h2}>Cost to complete</PdfText>
          <PdfTable
            headers={['Trainee', 'Stage fees', 'Registration', 'Total']}
            widths={[2, 1, 1, 1]}
            empty="No fees remain."
            rows={[
              ...report.trainees.map((t) => [t.name, formatPence(t.cost.stageFeesPence), formatPence(t.cost.registrationPence), formatPence(t.cost.totalPence)]),
              ...(report.trainees.length ? [['Total', formatPence(totals.stageFeesPence), formatPence(totals.registrationPence), formatPence(totals.totalPence)]] : []),
            ]}
          />
          <View style={{ marginTop: 8 }}>
            {budgetLines(report).map(([label, value]) => (
              <View key={label} style={{ flexDirection: 'row', marginBottom: 2 }}>
                <PdfText style={[base.muted, { width: 160 }]}>{label}</PdfText>
                <PdfText style={base.bold}>{value}</PdfText>
              </View>
            ))}
          </View>

          <PdfText style={base.h2}>How the numbers are worked out</PdfText>
          {DEFINITIONS.map((text) => (
            <PdfText key={text} style={[base.prose, { marginBottom: 4 }]}>
              {text}
            </PdfText>
          ))}
        </View>
      </Page>
    </Document>
  )
}

const BAR_COLOURS = [colours.blue, colours.grey]

/** Simple horizontal bars with their values printed: readable in black and white. */
function PdfBars({ rows, format, legend, reference }: { rows: { label: string; values: number[] }[]; format: (v: number) => string; legend?: string[]; reference?: number }) {
  const max = Math.max(1, reference ?? 0, ...rows.flatMap((r) => r.values))
  return (
    <View>
      {legend ? (
        <PdfText style={[base.muted, { fontSize: 8.5, marginBottom: 4 }]}>
          {legend.map((name, i) => `${i === 0 ? 'Upper bar' : 'lower bar'}: ${name}`).join('; ')}
          {reference !== undefined ? `; capacity ${format(reference)} a month` : ''}
        </PdfText>
      ) : null}
      {rows.map((row) => (
        <View key={row.label} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 3 }} wrap={false}>
          <PdfText style={{ width: 110, fontSize: 9 }}>{row.label}</PdfText>
          <View style={{ flex: 1 }}>
            {row.values.map((value, i) => (
              <View key={i} style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 1 }}>
                <View style={{ width: `${(Math.max(value, 0) / max) * 80}%`, height: 7, backgroundColor: BAR_COLOURS[i % 2] }} />
                <PdfText style={{ fontSize: 8, marginLeft: 4 }}>{format(value)}</PdfText>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
