// Certificates: issued inside the accreditation transaction (no accreditation without its
// certificate), one per accredited stage, plus the award certificate when the final stage is accredited.
import { finalStageNumber, stageOf } from '../domain/rule-set'
import { newCertificateNumber } from '../utils/tokens.server'
import type { Db } from './db-types'
import { getRuleSet } from './rule-set.server'

export async function issueCertificates(
  trx: Db,
  input: { enrolmentId: number; accreditationId: number; stageNumber: number; accreditedOn: string; issuedAt: string },
) {
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
