// The accreditation portfolio: the trainee's whole evidence record per stage, with page numbers
// and the generation date. A pure function of its props (see models/portfolio.server.ts).
import { Document, Page, View } from '@react-pdf/renderer'
import { formatHours } from '~/domain/readiness'
import type { Portfolio } from '~/models/portfolio.server'
import { formatDate, formatInstant, instantToCalendarDate } from '~/utils/dates'
import { PdfTable } from './table'
import { PdfText } from './text'
import { base, colours } from './theme'
import { formatLabel } from '~/schemas/supervision-session'

const MEETING: Record<string, string> = {
  introduction: 'Introduction session',
  course_completion: 'Course completed',
  transition: 'Transition meeting',
  midpoint: 'Mid-point presentation',
  accreditation: 'Accreditation meeting',
}
const OUTCOME: Record<string, string> = { held: 'Held', passed: 'Passed', not_yet: 'Not yet passed' }
const STAGE_STATUS: Record<string, string> = {
  completed: 'Completed',
  in_progress: 'In progress',
  signed_off: 'Signed off, awaiting accreditation',
  accredited: 'Accredited',
  recognised: 'Recognised from earlier training',
}

export function PortfolioDocument({ portfolio: p, generatedOn }: { portfolio: Portfolio; generatedOn: string }) {
  const status = p.accredited ? `${p.awardTitle} since ${formatDate(p.completedOn)}` : 'In progress: not yet accredited'
  return (
    <Document title={`VIG portfolio – ${p.traineeName}`} author="Attune">
      <Page size="A4" style={base.page}>
        <PdfText style={[base.footer, { left: 44, right: 44, textAlign: 'right' }]} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        <PdfText style={[base.muted, { fontSize: 9 }]}>Video Interaction Guidance · accreditation portfolio</PdfText>
        <PdfText style={[base.h1, { marginTop: 8 }]}>{p.traineeName}</PdfText>
        {!p.accredited ? <PdfText style={{ color: colours.red, fontWeight: 'bold', marginBottom: 6 }}>IN PROGRESS</PdfText> : null}
        <Summary label="Status" value={status} />
        <Summary label="Programme" value={p.programmeName} />
        <Summary label="Rule set" value={`${p.ruleSetName} (version ${p.ruleSetVersion})`} />
        <Summary label="Own supervisor" value={p.supervisorName ?? 'Not assigned'} />
        <Summary label="External accreditor" value={p.accreditorName ?? 'Not assigned'} />
        <Summary label="Generated" value={formatDate(generatedOn)} />
        <PdfText style={[base.muted, { marginTop: 8, fontSize: 8.5 }]}>
          Clients appear as anonymised codes. Attune holds no video and no client names.
          {p.inProgressCycles > 0 ? ` ${p.inProgressCycles} cycle${p.inProgressCycles === 1 ? ' is' : 's are'} waiting for a shared review and not yet listed.` : ''}
        </PdfText>

        {p.stages.map((stage) => (
          <View key={stage.stageNumber} break={stage.stageNumber > 1}>
            <PdfText style={base.h2}>
              {stage.name}: {STAGE_STATUS[stage.status]}
            </PdfText>
            <PdfText style={base.muted}>
              Started {formatDate(stage.startedOn)}
              {stage.completedOn ? ` · completed ${formatDate(stage.completedOn)}` : ''}
            </PdfText>
            {stage.recognisedReason ? <PdfText>Recognised: {stage.recognisedReason}</PdfText> : null}

            <PdfText style={base.h3}>Requirements</PdfText>
            <PdfTable
              headers={['Requirement', 'Done', 'Required']}
              widths={[3, 1, 1]}
              empty="No requirements for this stage."
              rows={stage.readiness.requirements.map((r) => [
                r.label,
                r.unit === 'minutes' ? formatHours(r.done) : r.unit === 'done' ? (r.met ? 'Yes' : 'No') : String(r.done),
                r.unit === 'minutes' ? formatHours(r.required) : r.unit === 'done' ? 'Yes' : String(r.required),
              ])}
            />

            {stage.cycles.length > 0 || stage.readiness.requirements.some((r) => r.key === 'cycles') ? (
              <>
                <PdfText style={base.h3}>VIG cycles</PdfText>
                <PdfTable
                  headers={['Client', 'Filmed', 'Shared review', 'Clips']}
                  widths={[1.2, 1, 1, 0.6]}
                  empty="No completed cycles in this stage."
                  rows={stage.cycles.filter((c) => c.reviewed_on).map((c) => [c.client_code, formatDate(c.filmed_on), formatDate(c.reviewed_on), String(c.clip_count)])}
                />
              </>
            ) : null}

            {stage.sessions.length > 0 ? (
              <>
                <PdfText style={base.h3}>Supervision log</PdfText>
                <PdfTable
                  headers={['Date', 'Length', 'Format', 'Supervisor', 'Confirmed']}
                  widths={[1, 0.8, 0.9, 1.3, 1.6]}
                  empty=""
                  rows={stage.sessions.map((s) => [
                    formatDate(s.held_on),
                    formatHours(s.minutes),
                    formatLabel(s.format),
                    s.supervisor_name,
                    s.status === 'confirmed'
                      ? `${s.decided_by_name ?? ''}, ${formatDate(s.decided_at ? instantToCalendarDate(s.decided_at) : null)}`
                      : s.status === 'pending'
                        ? 'Waiting for confirmation'
                        : 'Returned for correction',
                  ])}
                />
              </>
            ) : null}

            {stage.reflections.length > 0 ? (
              <>
                <PdfText style={base.h3}>Reflections after supervision</PdfText>
                <PdfTable
                  headers={['Written', 'Status', 'Supervisor feedback']}
                  widths={[1, 1, 1]}
                  empty=""
                  rows={stage.reflections.map((r) => [
                    formatDate(instantToCalendarDate(r.submitted_at ?? r.created_at)),
                    r.status === 'submitted' ? 'Submitted' : 'Draft',
                    r.feedback_at ? formatDate(instantToCalendarDate(r.feedback_at)) : '–',
                  ])}
                />
              </>
            ) : null}

            {stage.writtenReflection ? (
              <>
                <PdfText style={base.h3}>Stage-end written reflection (submitted {formatInstant(stage.writtenReflection.submitted_at)})</PdfText>
                <PdfText style={base.prose}>{stage.writtenReflection.body}</PdfText>
              </>
            ) : null}

            {stage.meetings.length > 0 ? (
              <>
                <PdfText style={base.h3}>Meetings</PdfText>
                <PdfTable
                  headers={['Meeting', 'Date', 'Outcome', 'Recorded by', 'Notes']}
                  widths={[1.3, 0.9, 0.9, 1.1, 2]}
                  empty=""
                  rows={stage.meetings.map((m) => [
                    MEETING[m.kind],
                    formatDate(m.held_on),
                    OUTCOME[m.outcome],
                    m.recorded_by_name,
                    [m.notes, m.actions && `Actions: ${m.actions}`].filter(Boolean).join(' '),
                  ])}
                />
              </>
            ) : null}

            {stage.signOffs.length + stage.accreditations.length > 0 ? (
              <>
                <PdfText style={base.h3}>Sign-off and accreditation</PdfText>
                {stage.signOffs.map((s) => (
                  <PdfText key={`s${s.id}`}>
                    Signed off by {s.signed_off_by_name} on {formatInstant(s.signed_off_at)}
                    {s.override_reason ? ` WITH A REQUIREMENT UNMET: ${s.override_reason}` : ''}
                    {s.superseded_at ? ` (reopened ${formatInstant(s.superseded_at)})` : ''}
                  </PdfText>
                ))}
                {stage.accreditations.map((a, i) => (
                  <PdfText key={`a${i}`}>
                    {a.decision === 'accredited' ? 'Accredited' : 'Returned'} by {a.accreditor_name} on {formatInstant(a.decided_at)}
                    {a.reasons ? `: ${a.reasons}` : ''}
                  </PdfText>
                ))}
              </>
            ) : null}
          </View>
        ))}

        {/* Two fixed Texts, not one View: react-pdf drops a render-prop Text inside a fixed View. */}
        <PdfText style={[base.footer, { left: 44 }]} fixed>
          {p.traineeName} · VIG portfolio · generated {formatDate(generatedOn)}
        </PdfText>
      </Page>
    </Document>
  )
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 2 }}>
      <PdfText style={[base.muted, { width: 120 }]}>{label}</PdfText>
      <PdfText style={{ flex: 1 }}>{value}</PdfText>
    </View>
  )
}
