// The A4 certificate: one per accredited stage, and one for the award (Accredited VIG Practitioner).
// A pure function of its props; the QR code encodes the public verification link.
import { Document, Image, Page, Text, View } from '@react-pdf/renderer'
import { minutesInWords, plural } from '../domain/wording'
import type { CertificateForPdf } from '../models/certificate.server'
import { formatDate, formatInstant } from '../utils/dates'
import { base, colours } from './theme'

export function CertificateDocument({ certificate: c, qrCode }: { certificate: CertificateForPdf; qrCode: string }) {
  return (
    <Document title={`${c.level} – ${c.holder_name}`} author="Attune" subject={`Certificate ${c.number}`}>
      <Page size="A4" style={[base.page, { paddingTop: 64 }]}>
        <View style={{ borderWidth: 3, borderColor: colours.blue, padding: 36, flexGrow: 1 }}>
          <Text style={[base.muted, { fontSize: 11 }]}>Video Interaction Guidance</Text>
          <Text style={[base.h1, { fontSize: 26, marginTop: 24 }]}>Certificate of accreditation</Text>
          <Text style={{ fontSize: 12, marginTop: 18 }}>This is to certify that</Text>
          <Text style={{ fontFamily: 'Helvetica-Bold', fontSize: 24, marginTop: 8, color: colours.blue }}>{c.holder_name}</Text>
          <Text style={{ fontSize: 12, marginTop: 14 }}>{c.award ? 'is an' : 'has been accredited for'}</Text>
          <Text style={{ fontFamily: 'Helvetica-Bold', fontSize: 18, marginTop: 6 }}>{c.level}</Text>
          <Text style={{ fontSize: 11, marginTop: 6 }}>
            {c.pathway_name} · {c.rule_set_name} (version {c.rule_set_version})
          </Text>

          <View style={{ marginTop: 28 }}>
            <Field label="Accredited on" value={formatDate(c.accredited_on)} />
            <Field label="Own supervisor" value={c.supervisor_name} />
            <Field label="External accreditor" value={c.accreditor_name} />
            <Field label="Programme" value={`${c.programme_name}, ${c.organisation_name}`} />
            <Field
              label="Work completed"
              value={`${plural(c.totals.cycles, 'VIG cycle')} with ${plural(c.totals.clients, 'client')}; ${minutesInWords(c.totals.supervisionMinutes)} of supervision`}
            />
            {c.override_reason ? <Field label="Signed off with a requirement unmet" value={c.override_reason} /> : null}
          </View>

          <View style={{ flexDirection: 'row', marginTop: 'auto', alignItems: 'flex-end' }}>
            <View style={{ flex: 1 }}>
              <Field label="Certificate number" value={c.number} />
              <Field label="Issued" value={formatInstant(c.issued_at)} />
              <Text style={{ marginTop: 8, fontSize: 9 }}>Check this certificate at</Text>
              <Text style={{ fontSize: 9, color: colours.blue }}>{c.verificationUrl}</Text>
              {c.revoked_at ? <Text style={{ marginTop: 8, color: colours.red, fontFamily: 'Helvetica-Bold' }}>REVOKED on {formatInstant(c.revoked_at)}</Text> : null}
            </View>
            <Image src={qrCode} style={{ width: 96, height: 96 }} />
          </View>
        </View>
      </Page>
    </Document>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 4 }}>
      <Text style={[base.muted, { width: 150 }]}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  )
}
