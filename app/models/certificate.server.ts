// Certificates: issued inside the accreditation transaction (no accreditation without its
// certificate), one per accredited stage, plus the award certificate when the final stage is accredited.
import { pathwayTotals, readCertificateNumber, stageTotals } from '~/domain/certificate'
import { finalStageNumber, stageOf } from '~/domain/rule-set'
import { env } from '~/utils/env.server'
import { Refusal } from '~/utils/refusal.server'
import { newCertificateNumber } from '~/utils/tokens.server'
import { appendAudit } from './audit.server'
import { enrolmentScope, programmeEnrolmentScope, type Viewer } from './access.server'
import type { Db } from './db-types'
import { loadEvidence } from './evidence.server'
import { getRuleSet, getRuleSets } from './rule-set.server'

export async function issueCertificates(trx: Db, input: { enrolmentId: number; accreditationId: number; stageNumber: number; accreditedOn: string; issuedAt: string }) {
  const enrolment = await trx
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.trainee_id')
    .select(['enrolments.rule_set_id', 'users.name'])
    .where('enrolments.id', '=', input.enrolmentId)
    .executeTakeFirstOrThrow()
  const ruleSet = await getRuleSet(trx, enrolment.rule_set_id)
  const levels = [stageOf(ruleSet, input.stageNumber).name]
  if (input.stageNumber === finalStageNumber(ruleSet)) levels.push(ruleSet.awardTitle)
  const issued = []
  for (const level of levels) {
    issued.push(
      await trx
        .insertInto('certificates')
        .values({
          number: newCertificateNumber(),
          enrolment_id: input.enrolmentId,
          accreditation_id: input.accreditationId,
          stage_number: input.stageNumber,
          level,
          holder_name: enrolment.name,
          accredited_on: input.accreditedOn,
          issued_at: input.issuedAt,
        })
        .returning(['id', 'number', 'level'])
        .executeTakeFirstOrThrow(),
    )
  }
  return issued
}

/** The public verification link printed on every certificate (its base comes from configuration). */
export function verificationUrl(number: string): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${encodeURIComponent(number)}`
}

/** Certificate numbers are typed back from paper: accept any case and stray spaces. */
/** What the public verification page may say: valid or revoked, the holder, the level, the date. Nothing more. */
export async function findCertificateForVerification(db: Db, number: string) {
  return db.selectFrom('certificates').select(['number', 'holder_name', 'level', 'accredited_on', 'revoked_at']).where('number', '=', readCertificateNumber(number)).executeTakeFirst()
}

const certificateColumns = [
  'certificates.id',
  'certificates.number',
  'certificates.enrolment_id',
  'certificates.stage_number',
  'certificates.level',
  'certificates.holder_name',
  'certificates.accredited_on',
  'certificates.issued_at',
  'certificates.revoked_at',
  'certificates.revoke_reason',
] as const

/** Certificates of the enrolments `viewer` may see (of one programme, or one enrolment), newest first. */
export async function listVisibleCertificates(db: Db, viewer: Viewer, filter: { programmeId?: number; enrolmentId?: number } = {}) {
  let query = db
    .selectFrom('certificates')
    .innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select([...certificateColumns, 'programmes.id as programme_id', 'programmes.name as programme_name'])
    .where(enrolmentScope(viewer))
  if (filter.programmeId !== undefined) query = query.where('enrolments.programme_id', '=', filter.programmeId)
  if (filter.enrolmentId !== undefined) query = query.where('enrolments.id', '=', filter.enrolmentId)
  return query.orderBy('certificates.issued_at', 'desc').orderBy('certificates.id', 'desc').execute()
}

/** Everything a certificate PDF prints, if `viewer` may see it. */
export async function getCertificateForViewer(db: Db, viewer: Viewer, number: string) {
  return (await loadCertificatesForPdf(db, viewer, { number: readCertificateNumber(number) }))[0]
}

/**
 * Everything the certificate PDFs print, for one certificate or a whole programme, in a fixed
 * number of queries (the programme's zip must not query per certificate).
 */
export async function loadCertificatesForPdf(db: Db, viewer: Viewer, filter: { number: string } | { programmeId: number }) {
  let query = db
    .selectFrom('certificates')
    .innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
    .innerJoin('accreditations', 'accreditations.id', 'certificates.accreditation_id')
    .innerJoin('sign_offs', 'sign_offs.id', 'accreditations.sign_off_id')
    .innerJoin('users as supervisor', 'supervisor.id', 'sign_offs.signed_off_by')
    .innerJoin('users as accreditor', 'accreditor.id', 'accreditations.accreditor_id')
    .innerJoin('rule_sets', 'rule_sets.id', 'enrolments.rule_set_id')
    .innerJoin('pathways', 'pathways.id', 'rule_sets.pathway_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('organisations', 'organisations.id', 'programmes.organisation_id')
    .select([
      ...certificateColumns,
      'enrolments.rule_set_id',
      'rule_sets.name as rule_set_name',
      'rule_sets.version as rule_set_version',
      'pathways.name as pathway_name',
      'supervisor.name as supervisor_name',
      'accreditor.name as accreditor_name',
      'programmes.name as programme_name',
      'organisations.name as organisation_name',
      'sign_offs.override_reason',
    ])
    .where(enrolmentScope(viewer))
  query = 'number' in filter ? query.where('certificates.number', '=', filter.number) : query.where('enrolments.programme_id', '=', filter.programmeId)
  const rows = await query.orderBy('certificates.issued_at', 'desc').orderBy('certificates.id', 'desc').execute()
  const [ruleSets, evidence] = await Promise.all([
    getRuleSets(
      db,
      rows.map((r) => r.rule_set_id),
    ),
    loadEvidence(
      db,
      rows.map((r) => r.enrolment_id),
    ),
  ])
  return rows.map((row) => {
    const ruleSet = ruleSets.get(row.rule_set_id)!
    const award = row.level === ruleSet.awardTitle
    const totals = (award ? pathwayTotals : stageTotals)(ruleSet, row.stage_number, evidence.get(row.enrolment_id)!)
    return { ...row, award, totals, verificationUrl: verificationUrl(row.number) }
  })
}

export type CertificateForPdf = NonNullable<Awaited<ReturnType<typeof getCertificateForViewer>>>

/**
 * Revoking: leads of the holder's programme and admins only (programmeEnrolmentScope, in the WHERE).
 * Undefined when the viewer may not revoke it (404); a Refusal beside `reason` when already revoked.
 */
export async function revokeCertificate(trx: Db, viewer: Viewer, input: { number: string; reason: string; at: string }): Promise<true | undefined> {
  const certificate = await trx
    .selectFrom('certificates')
    .innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
    .select(['certificates.id', 'certificates.enrolment_id', 'certificates.revoked_at'])
    .where('certificates.number', '=', readCertificateNumber(input.number))
    .where(programmeEnrolmentScope(viewer))
    .executeTakeFirst()
  if (!certificate) return undefined
  if (certificate.revoked_at) throw new Refusal('This certificate has already been revoked.', 'reason')
  await trx
    .updateTable('certificates')
    .set({ revoked_at: input.at, revoked_by: viewer.id, revoke_reason: input.reason })
    .where('id', '=', certificate.id)
    .where('revoked_at', 'is', null)
    .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'certificate.revoked',
    entityType: 'certificate',
    entityId: certificate.id,
    enrolmentId: certificate.enrolment_id,
    before: { revoked_at: null },
    after: { revoked_at: input.at },
    reason: input.reason,
  })
  return true
}
