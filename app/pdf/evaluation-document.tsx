// The programme's evaluation as an A4 document for commissioners: per outcome measure the change
// between before and after VIG (with the same suppression as the page), a before-and-after chart
// readable without colour, acceptability, and how the numbers are worked out. A pure function of
// the domain's EvaluationReport.
import { Circle, Document, Line, Page, Rect, Svg, Text, View } from '@react-pdf/renderer'
import { acceptabilityLines, measureLines, measureVerdict } from '~/components/evaluation'
import { EVALUATION_DEFINITIONS, formatScore, type EvaluationReport, type MeasureSummary } from '~/domain/evaluation'
import { respondentLabel } from '~/schemas/evaluation'
import { formatDate } from '~/utils/dates'
import { base, colours } from './theme'

interface Props {
  report: EvaluationReport
  programmeName: string
  generatedOn: string
}

export function EvaluationDocument({ report, programmeName, generatedOn }: Props) {
  const charted = report.measures.filter((m) => m.change)
  return (
    <Document title={`Evaluation – ${programmeName}`} author="Attune">
      <Page size="A4" style={base.page}>
        <Text style={[base.footer, { left: 44, right: 44, textAlign: 'right' }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        <Text style={[base.footer, { left: 44 }]} fixed>
          {programmeName} · evaluation, {formatDate(report.range.from)} to {formatDate(report.range.to)}
        </Text>

        <Text style={[base.muted, { fontSize: 9 }]}>Video Interaction Guidance · programme evaluation</Text>
        <Text style={[base.h1, { marginTop: 8 }]}>Did VIG help the families?</Text>
        <Text style={base.prose}>
          {programmeName}: families whose first scores were taken from {formatDate(report.range.from)} to {formatDate(report.range.to)}. Only totals are shown, never a family, and no figure
          for fewer than 5 families.
        </Text>
        <Text style={[base.muted, { marginTop: 4, fontSize: 8.5 }]}>Generated {formatDate(generatedOn)} from the live record. Families are never named or coded.</Text>

        <Text style={base.h2}>Before and after VIG</Text>
        {charted.length === 0 ? (
          <Text style={base.muted}>No measure has enough families with before and after scores for a chart.</Text>
        ) : (
          <View>
            <Text style={[base.muted, { fontSize: 8.5, marginBottom: 4 }]}>Open circle: mean before VIG. Filled square: mean after VIG. Each measure on its own scale.</Text>
            {charted.map((m) => (
              <ChangeRow key={m.measure.id} summary={m} />
            ))}
          </View>
        )}

        <Text style={base.h2}>Each outcome measure</Text>
        {report.measures.length === 0 ? <Text style={base.muted}>No outcome measures are set up yet.</Text> : null}
        {report.measures.map((m) => (
          <View key={m.measure.id} wrap={false} style={{ marginBottom: 8 }}>
            <Text style={base.h3}>{m.measure.name}</Text>
            <Text style={{ marginBottom: 4 }}>{measureVerdict(m)}</Text>
            <Lines lines={measureLines(m)} />
          </View>
        ))}

        <View break>
          <Text style={base.h2}>How acceptable and practical VIG was</Text>
          {report.acceptability.map((group) => (
            <View key={group.respondent} style={{ marginBottom: 8 }}>
              <Text style={base.h3}>{respondentLabel(group.respondent)}</Text>
              <Lines lines={acceptabilityLines(group)} />
              <Quotes title="What helped" texts={group.summary.helped} />
              <Quotes title="What got in the way" texts={group.summary.gotInTheWay} />
            </View>
          ))}

          <Text style={base.h2}>How the numbers are worked out</Text>
          {EVALUATION_DEFINITIONS.map((text) => (
            <Text key={text} style={[base.prose, { marginBottom: 4 }]}>
              {text}
            </Text>
          ))}
        </View>
      </Page>
    </Document>
  )
}

function Lines({ lines }: { lines: [string, string][] }) {
  return (
    <View>
      {lines.map(([label, value]) => (
        <View key={label} style={base.row} wrap={false}>
          <Text style={[base.muted, { width: 200 }]}>{label}</Text>
          <Text style={{ flex: 1 }}>{value}</Text>
        </View>
      ))}
    </View>
  )
}

function Quotes({ title, texts }: { title: string; texts: string[] }) {
  if (texts.length === 0) return null
  return (
    <View style={{ marginTop: 4 }}>
      <Text style={base.bold}>{title}</Text>
      {texts.map((text, i) => (
        <Text key={i} style={{ marginLeft: 8, marginBottom: 2 }}>
          “{text}”
        </Text>
      ))}
    </View>
  )
}

const CHART_WIDTH = 420

/** One measure's mean before (open circle) and after (filled square) on the measure's own scale. */
function ChangeRow({ summary }: { summary: MeasureSummary }) {
  const { measure, change } = summary
  if (!change) return null
  const x = (value: number) => 8 + ((value - measure.minScore) / (measure.maxScore - measure.minScore)) * (CHART_WIDTH - 16)
  return (
    <View wrap={false} style={{ marginBottom: 6 }}>
      <Text style={{ fontSize: 9 }}>
        <Text style={base.bold}>{measure.name}</Text> ({measure.higherIsBetter ? 'higher' : 'lower'} is better): before {formatScore(change.meanBefore)}, after{' '}
        {formatScore(change.meanAfter)}
      </Text>
      <Svg width={CHART_WIDTH} height={22}>
        <Line x1={8} y1={11} x2={CHART_WIDTH - 8} y2={11} stroke={colours.rule} strokeWidth={2} />
        <Line x1={x(change.meanBefore)} y1={11} x2={x(change.meanAfter)} y2={11} stroke={colours.dark} strokeWidth={1.5} />
        <Circle cx={x(change.meanBefore)} cy={11} r={5} fill="#ffffff" stroke={colours.blue} strokeWidth={2} />
        <Rect x={x(change.meanAfter) - 5} y={6} width={10} height={10} fill={colours.dark} />
      </Svg>
      <View style={{ flexDirection: 'row', width: CHART_WIDTH, justifyContent: 'space-between' }}>
        <Text style={[base.muted, { fontSize: 8 }]}>{measure.minScore}</Text>
        <Text style={[base.muted, { fontSize: 8 }]}>{measure.maxScore}</Text>
      </View>
    </View>
  )
}
