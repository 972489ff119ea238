// The A4 certificate: one per accredited stage, and one for the award (Accredited VIG Practitioner).
// A pure function of its props; the QR code encodes the public verification link.
import { Document, Image, Page, View } from '@react-pdf/renderer'
import { minutesInWords, plural } from '~/domain/wording'
import type { CertificateForPdf } from '~/models/certificate.server'
import { formatDate, formatInstant } from '~/utils/dates'
import { PdfText } from './text'
import { base, colours } from './theme'

export function CertificateDocument({ certificate: c, qrCode }: { certificate: CertificateForPdf; qrCode: string }) {
  return (
    <Document title={`${c.level} – ${c.holder_name}`} author="Attune" subject={`Certificate ${c.number}`}>
      {/* One page always: the sizes below shrink long fields to fit, and nothing may flow onto a second page. */}
      <Page size="A4" wrap={false} style={[base.page, { paddingTop: 64 }]}>
        <View style={{ borderWidth: 3, borderColor: colours.blue, padding: 36, flexGrow: 1 }}>
          <PdfText style={[base.muted, { fontSize: 11 }]}>Video Interaction Guidance</PdfText>
          <PdfText style={[base.h1, { fontSize: 26, marginTop: 24 }]}>Certificate of accreditation</PdfText>
          <PdfText style={{ fontSize: 12, marginTop: 18 }}>This is to certify that</PdfText>
          <PdfText
            style={{
              fontWeight: 'bold',
              fontSize: sizeFor(
                c.holder_name,
                [
                  [32, 24],
                  [64, 18],
                ],
                14,
              ),
              marginTop: 8,
              color: colours.blue,
            }}
          >
            {c.holder_name}
          </PdfText>
          <PdfText style={{ fontSize: 12, marginTop: 14 }}>{c.award ? 'is an' : 'has been accredited for'}</PdfText>
          <PdfText style={{ fontWeight: 'bold', fontSize: sizeFor(c.level, [[40, 18]], 13), marginTop: 6 }}>{c.level}</PdfText>
          <PdfText style={{ fontSize: 11, marginTop: 6 }}>
            {c.pathway_name} · {c.rule_set_name} (version {c.rule_set_version})
          </PdfText>

          <View style={{ marginTop: 28 }}>
            <Field label="Accredited on" value={formatDate(c.accredited_on)} />
            <Field label="Own supervisor" value={c.supervisor_name} />
            <Field label="External accreditor" value={c.accreditor_name} />
            <Field label="Programme" value={`${c.programme_name}, ${c.organisation_name}`} />
            <Field
              label="Work completed"
              value={`${plural(c.totals.cycles, 'VIG cycle')} with ${plural(c.totals.clients, 'client')}; ${minutesInWords(c.totals.supervisionMinutes)} of supervision`}
            />
            {c.override_reason ? (
              <Field
                label="Signed off with a requirement unmet"
                value={c.override_reason}
                fontSize={sizeFor(
                  c.override_reason,
                  [
                    [400, 10],
                    [1000, 8.5],
                  ],
                  7,
                )}
              />
            ) : null}
          </View>

          <View style={{ flexDirection: 'row', marginTop: 'auto', alignItems: 'flex-end' }}>
            <View style={{ flex: 1 }}>
              <Field label="Certificate number" value={c.number} />
              <Field label="Issued" value={formatInstant(c.issued_at)} />
              <PdfText style={{ marginTop: 8, fontSize: 9 }}>Check this certificate at</PdfText>
              <PdfText style={{ fontSize: 9, color: colours.blue }}>{c.verificationUrl}</PdfText>
              {c.revoked_at ? <PdfText style={{ marginTop: 8, color: colours.red, fontWeight: 'bold' }}>REVOKED on {formatInstant(c.revoked_at)}</PdfText> : null}
            </View>
            <Image src={qrCode} style={{ width: 96, height: 96 }} />
          </View>
        </View>
      </Page>
    </Document>
  )
}

/**
 * The font size (points) for a field of `text`: the size of the first [most characters, size]
 * step it fits, else `smallest`. The steps are set so that every field at the longest length the
 * forms allow (names 120 characters, an override reason 2,000) still fits the one page.
 */
function sizeFor(text: string, steps: [number, number][], smallest: number): number {
  return steps.find(([most]) => text.length <= most)?.[1] ?? smallest
}

function Field({ label, value, fontSize = 10 }: { label: string; value: string; fontSize?: number }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 4 }}>
      <PdfText style={[base.muted, { width: 150 }]}>{label}</PdfText>
      <PdfText style={{ flex: 1, fontSize }}>{value}</PdfText>
    </View>
  )
}
