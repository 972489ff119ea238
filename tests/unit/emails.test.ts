import { describe, expect, it } from 'vitest'
import { renderLetter } from '~/emails/letter'
import {
  invitationLetter,
  leadDigestLetter,
  passwordResetLetter,
  readyForAccreditationLetter,
  reflectionFeedbackLetter,
  sessionDecidedLetter,
  stageAccreditedLetter,
  stageReturnedLetter,
  stageSignedOffLetter,
  supervisorDigestLetter,
} from '~/emails/templates'

const BASE = 'https://attune.example.nhs.uk'
const FOOTER = { unsubscribeUrl: `${BASE}/unsubscribe/7.sig`, preferencesUrl: `${BASE}/account` }

describe('rendering a letter', () => {
  it('writes plain text and HTML with the same content, the action link and the unsubscribe footer', () => {
    const letter = sessionDecidedLetter(BASE, {
      name: 'Amira Khan',
      supervisorName: 'Sarah Thompson',
      sessionId: 12,
      heldOn: '2026-11-24',
      decision: 'returned',
      comment: 'Was it 90 minutes?\nPlease check.',
    })
    const { subject, text, html } = renderLetter(letter, FOOTER)
    expect(subject).toBe('Supervision session of 24 Nov 2026 returned')
    expect(text).toBe(
      [
        'Hello Amira Khan,',
        'Sarah Thompson returned your supervision session of 24 Nov 2026. Change it and it goes back for confirmation.',
        'Sarah Thompson wrote:\n> Was it 90 minutes?\n> Please check.',
        `Change the session: ${BASE}/trainee/supervision/12`,
        `--\nAttune\nYou get these e-mails because you use Attune. Choose how often at ${BASE}/account\nUnsubscribe from all but essential e-mail: ${BASE}/unsubscribe/7.sig`,
      ].join('\n\n'),
    )
    expect(html).toMatch(/^<!doctype html><html lang="en-GB">/)
    expect(html).toContain(`<a href="${BASE}/trainee/supervision/12"`)
    expect(html).toContain(`<a href="${BASE}/unsubscribe/7.sig">Unsubscribe from all but essential e-mail</a>`)
    expect(html).toContain('Was it 90 minutes?\nPlease check.')
  })

  it('escapes what people typed in the HTML', () => {
    const letter = stageReturnedLetter(BASE, {
      name: 'Ben',
      accreditorName: 'Dr Price',
      stageName: 'Stage 2',
      traineeName: 'Ben',
      reasons: '<script>alert(1)</script> & more',
      to: 'trainee',
      enrolmentId: 3,
    })
    const { html, text } = renderLetter(letter, FOOTER)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more')
    expect(text).toContain('> <script>alert(1)</script> & more')
  })

  it('says an essential message goes whatever the person chose, with no unsubscribe link', () => {
    const { text, html } = renderLetter(passwordResetLetter(BASE, { name: 'Alex Morgan', path: '/set-password/abc', minutes: 60 }), { preferencesUrl: `${BASE}/account` })
    expect(text).toContain(`Choose a new password: ${BASE}/set-password/abc`)
    expect(text).toContain('The link below works once, for 60 minutes.')
    expect(text).toContain('This is an essential message about your account')
    expect(text + html).not.toMatch(/unsubscribe/i)
  })
})

describe('what each message says and where it links', () => {
  const cases = [
    [invitationLetter(BASE, { name: 'Zoe Quinn', invitedBy: 'Priya Patel', path: '/set-password/tok', days: 7 }), 'Set your password for Attune', '/set-password/tok'],
    [
      sessionDecidedLetter(BASE, { name: 'A', supervisorName: 'S', sessionId: 5, heldOn: '2026-03-01', decision: 'confirmed', comment: null }),
      'Supervision session of 1 Mar 2026 confirmed',
      '/trainee/supervision/5',
    ],
    [reflectionFeedbackLetter(BASE, { name: 'A', supervisorName: 'S', reflectionId: 9, submittedOn: '2026-11-04' }), 'Feedback on your reflection', '/trainee/reflections/9'],
    [stageSignedOffLetter(BASE, { name: 'A', supervisorName: 'S', stageName: 'Stage 1', completed: false }), 'Stage 1 signed off', '/trainee'],
    [stageAccreditedLetter(BASE, { name: 'A', stageName: 'Stage 2', accreditedOn: '2026-11-29', certificateNumbers: ['AVIG-7K2M-9QXD'] }), 'Stage 2 accredited', '/certificates'],
    [
      stageReturnedLetter(BASE, { name: 'S', accreditorName: 'H', stageName: 'Stage 2', traineeName: 'Grace Lin', reasons: 'r', to: 'supervisor', enrolmentId: 7 }),
      'Grace Lin: Stage 2 returned with reasons',
      '/supervisor/trainees/7',
    ],
    [
      readyForAccreditationLetter(BASE, { name: 'H', traineeName: 'Grace Lin', stageName: 'Stage 2', signedOffOn: '2026-11-04', enrolmentId: 7 }),
      "Grace Lin's Stage 2 is ready for accreditation",
      '/accreditor/enrolments/7',
    ],
  ] as const
  it.each(cases)('%#: "%s"', (letter, subject, path) => {
    expect(letter.subject).toBe(subject)
    expect(letter.link).toBe(`${BASE}${path}`)
    expect(letter.action?.url).toBe(`${BASE}${path}`)
  })

  it('dates in en-GB and the certificate links on an accreditation', () => {
    const { text } = renderLetter(stageAccreditedLetter(BASE, { name: 'Amira Khan', stageName: 'Stage 2', accreditedOn: '2026-11-29', certificateNumbers: ['AVIG-7K2M-9QXD'] }), FOOTER)
    expect(text).toContain('Stage 2 was accredited on 29 Nov 2026.')
    expect(text).toContain(`- Certificate AVIG-7K2M-9QXD\n  ${BASE}/certificates/AVIG-7K2M-9QXD`)
  })

  it('a reminder gives the days waited and the rule set’s threshold', () => {
    const letter = readyForAccreditationLetter(BASE, {
      name: 'Dr Helen Price',
      traineeName: 'Grace Lin',
      stageName: 'Stage 2',
      signedOffOn: '2026-11-04',
      enrolmentId: 7,
      daysWaiting: 25,
      thresholdDays: 14,
    })
    expect(letter.subject).toBe("Reminder: Grace Lin's Stage 2 has waited 25 days for accreditation")
    expect(letter.paragraphs[0]).toBe("Grace Lin's Stage 2 was signed off on 4 Nov 2026 and has waited 25 days for your decision (the programme's rules allow 14).")
  })

  it('a reminder after one day says "1 day"', () => {
    const letter = readyForAccreditationLetter(BASE, {
      name: 'Dr Helen Price',
      traineeName: 'Grace Lin',
      stageName: 'Stage 2',
      signedOffOn: '2026-11-04',
      enrolmentId: 7,
      daysWaiting: 1,
      thresholdDays: 1,
    })
    expect(letter.subject).toBe("Reminder: Grace Lin's Stage 2 has waited 1 day for accreditation")
    expect(letter.paragraphs[0]).toContain('has waited 1 day for your decision')
  })

  it('the supervisor digest is one message listing every item with its trainee link', () => {
    const letter = supervisorDigestLetter(BASE, {
      name: 'Sarah Thompson',
      period: 'daily',
      todos: [
        { traineeName: 'Farah Ali', title: 'Read the reflection submitted on 13 Sep 2026', since: '2026-09-13', overdue: true, enrolmentId: 6 },
        { traineeName: 'Amira Khan', title: 'Confirm or return the supervision session of 24 Nov 2026 (1 hour)', since: '2026-11-24', overdue: false, enrolmentId: 1 },
      ],
    })
    expect(letter.subject).toBe('2 things wait for you in Attune (1 overdue)')
    expect(letter.items).toEqual([
      { text: 'Farah Ali: Read the reflection submitted on 13 Sep 2026, waiting since 13 Sep 2026 (overdue)', url: `${BASE}/supervisor/trainees/6` },
      { text: 'Amira Khan: Confirm or return the supervision session of 24 Nov 2026 (1 hour), waiting since 24 Nov 2026', url: `${BASE}/supervisor/trainees/1` },
    ])
  })

  it('the lead digest gives headline numbers, flags and concerns with links', () => {
    const letter = leadDigestLetter(BASE, {
      name: 'Priya Patel',
      weekOf: '2026-11-23',
      programmes: [
        {
          id: 1,
          name: 'Northfield',
          trainees: 6,
          red: 2,
          amber: 1,
          accreditedStagesThisWeek: 1,
          flags: [{ traineeName: 'Ben Harper', enrolmentId: 2, severity: 'red', reason: 'No confirmed supervision for 17 weeks', change: 'worse' }],
          concernsDue: [{ traineeName: 'Ella Morris', enrolmentId: 5, reviewOn: '2026-12-01' }],
        },
      ],
    })
    expect(letter.subject).toBe('Your programmes this week: 1 new or worse flag, 1 concern due')
    expect(letter.paragraphs).toEqual(['Where your programmes stand in the week of 23 Nov 2026.'])
    expect(letter.items?.map((i) => i.text)).toEqual([
      'Northfield: 6 trainees; 2 red and 1 amber; 1 stage accredited in the last week',
      'Now red: Ben Harper. No confirmed supervision for 17 weeks',
      'Concern due for review on 1 Dec 2026: Ella Morris',
    ])
  })
})
