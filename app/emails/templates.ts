// What Attune tells people by e-mail, one function per message, each returning a `Letter`
// (letter.tsx renders it). Pure functions of their arguments: the base URL is passed in.
// Only what the recipient can see in the app goes in, with en-GB dates; client details never
// (at most an anonymised client code, and no template here needs even that).
import type { Severity } from '~/domain/risk'
import { plural } from '~/domain/wording'
import { formatDate } from '~/utils/dates'
import type { Letter } from './letter'

function at(base: string, path: string): string {
  return new URL(path, base).href
}

function hello(name: string): string {
  return `Hello ${name},`
}

export function invitationLetter(base: string, input: { name: string; invitedBy: string; path: string; days: number }): Letter {
  const url = at(base, input.path)
  return {
    subject: 'Set your password for Attune',
    greeting: hello(input.name),
    paragraphs: [
      `${input.invitedBy} has added you to Attune, where your VIG training and accreditation is tracked.`,
      `Choose a password with the link below. It works once, for ${plural(input.days, 'day')}. If it has expired, ask ${input.invitedBy} for a new one.`,
    ],
    action: { label: 'Set your password', url },
    link: url,
  }
}

export function passwordResetLetter(base: string, input: { name: string; path: string; minutes: number }): Letter {
  const url = at(base, input.path)
  return {
    subject: 'Reset your Attune password',
    greeting: hello(input.name),
    paragraphs: [
      `Someone, probably you, asked to reset the password of your Attune account. The link below works once, for ${input.minutes} minutes.`,
      'If you did not ask, ignore this e-mail: your password stays as it is.',
    ],
    action: { label: 'Choose a new password', url },
    link: url,
  }
}

export function sessionDecidedLetter(
  base: string,
  input: { name: string; supervisorName: string; sessionId: number; heldOn: string; decision: 'confirmed' | 'returned'; comment: string | null },
): Letter {
  const url = at(base, `/trainee/supervision/${input.sessionId}`)
  const when = formatDate(input.heldOn)
  return input.decision === 'confirmed'
    ? {
        subject: `Supervision session of ${when} confirmed`,
        greeting: hello(input.name),
        paragraphs: [`${input.supervisorName} confirmed your supervision session of ${when}. It now counts towards your stage.`],
        action: { label: 'See the session', url },
        link: url,
      }
    : {
        subject: `Supervision session of ${when} returned`,
        greeting: hello(input.name),
        paragraphs: [`${input.supervisorName} returned your supervision session of ${when}. Change it and it goes back for confirmation.`],
        quote: input.comment ? { by: input.supervisorName, text: input.comment } : undefined,
        action: { label: 'Change the session', url },
        link: url,
      }
}

export function reflectionFeedbackLetter(base: string, input: { name: string; supervisorName: string; reflectionId: number; submittedOn: string | null }): Letter {
  const url = at(base, `/trainee/reflections/${input.reflectionId}`)
  const which = input.submittedOn ? `your reflection of ${formatDate(input.submittedOn)}` : 'your reflection'
  return {
    subject: 'Feedback on your reflection',
    greeting: hello(input.name),
    paragraphs: [`${input.supervisorName} has given feedback on ${which}.`],
    action: { label: 'Read the feedback', url },
    link: url,
  }
}

export function stageSignedOffLetter(base: string, input: { name: string; supervisorName: string; stageName: string; completed: boolean }): Letter {
  const url = at(base, '/trainee')
  return {
    subject: `${input.stageName} signed off`,
    greeting: hello(input.name),
    paragraphs: [
      `${input.supervisorName} has signed off ${input.stageName}.`,
      input.completed ? 'The stage is complete.' : 'It now goes to your external accreditor, who will accredit it or return it with reasons.',
    ],
    action: { label: 'See where you are', url },
    link: url,
  }
}

export function stageAccreditedLetter(base: string, input: { name: string; stageName: string; accreditedOn: string; certificateNumbers: string[] }): Letter {
  const url = at(base, '/certificates')
  return {
    subject: `${input.stageName} accredited`,
    greeting: hello(input.name),
    paragraphs: [`Congratulations: ${input.stageName} was accredited on ${formatDate(input.accreditedOn)}.`],
    items: input.certificateNumbers.map((number) => ({ text: `Certificate ${number}`, url: at(base, `/certificates/${number}`) })),
    action: { label: 'Your certificates', url },
    link: url,
  }
}

export function stageReturnedLetter(
  base: string,
  input: { name: string; accreditorName: string; stageName: string; traineeName: string; reasons: string; to: 'trainee' | 'supervisor'; enrolmentId: number },
): Letter {
  const url = at(base, input.to === 'trainee' ? '/trainee' : `/supervisor/trainees/${input.enrolmentId}`)
  return {
    subject: input.to === 'trainee' ? `${input.stageName} returned with reasons` : `${input.traineeName}: ${input.stageName} returned with reasons`,
    greeting: hello(input.name),
    paragraphs: [
      input.to === 'trainee'
        ? `${input.accreditorName} returned ${input.stageName} to you and your supervisor. The stage is open again.`
        : `${input.accreditorName} returned ${input.traineeName}'s ${input.stageName}. The stage is open again for you to sign off once the reasons are met.`,
    ],
    quote: { by: input.accreditorName, text: input.reasons },
    action: { label: 'See the stage', url },
    link: url,
  }
}

export function readyForAccreditationLetter(
  base: string,
  input: { name: string; traineeName: string; stageName: string; signedOffOn: string; enrolmentId: number; daysWaiting?: number; thresholdDays?: number },
): Letter {
  const url = at(base, `/accreditor/enrolments/${input.enrolmentId}`)
  const reminder = input.daysWaiting !== undefined
  return {
    subject: reminder
      ? `Reminder: ${input.traineeName}'s ${input.stageName} has waited ${plural(input.daysWaiting ?? 0, 'day')} for accreditation`
      : `${input.traineeName}'s ${input.stageName} is ready for accreditation`,
    greeting: hello(input.name),
    paragraphs: reminder
      ? [
          `${input.traineeName}'s ${input.stageName} was signed off on ${formatDate(input.signedOffOn)} and has waited ${plural(input.daysWaiting ?? 0, 'day')} for your decision (the programme's rules allow ${input.thresholdDays}).`,
        ]
      : [`${input.traineeName}'s ${input.stageName} was signed off on ${formatDate(input.signedOffOn)} and is waiting for your decision.`],
    action: { label: 'Accredit or return', url },
    link: url,
  }
}

export interface DigestTodo {
  traineeName: string
  title: string
  since: string
  overdue: boolean
  enrolmentId: number
}

/** The supervisor's digest: everything waiting for them, oldest first. */
export function supervisorDigestLetter(base: string, input: { name: string; todos: DigestTodo[]; period: 'daily' | 'weekly' }): Letter {
  const url = at(base, '/supervisor')
  const count = input.todos.length
  const overdue = input.todos.filter((t) => t.overdue).length
  return {
    subject: `${count} ${count === 1 ? 'thing waits' : 'things wait'} for you in Attune${overdue ? ` (${overdue} overdue)` : ''}`,
    greeting: hello(input.name),
    paragraphs: [`Your trainees are waiting on you for these, oldest first:`],
    items: input.todos.map((t) => ({
      text: `${t.traineeName}: ${t.title}, waiting since ${formatDate(t.since)}${t.overdue ? ' (overdue)' : ''}`,
      url: at(base, `/supervisor/trainees/${t.enrolmentId}`),
    })),
    action: { label: 'Your to-do list', url },
    link: url,
  }
}

export interface LeadDigestProgramme {
  id: number
  name: string
  trainees: number
  red: number
  amber: number
  accreditedStagesThisWeek: number
  flags: { traineeName: string; enrolmentId: number; severity: Severity; reason: string; change: 'new' | 'worse' }[]
  concernsDue: { traineeName: string; enrolmentId: number; reviewOn: string }[]
}

/** The programme lead's weekly digest: new and worsening flags, concerns due, headline numbers. */
export function leadDigestLetter(base: string, input: { name: string; weekOf: string; programmes: LeadDigestProgramme[] }): Letter {
  const url = at(base, '/lead')
  const items = input.programmes.flatMap((p) => [
    {
      text: `${p.name}: ${plural(p.trainees, 'trainee')}; ${p.red} red and ${p.amber} amber; ${plural(p.accreditedStagesThisWeek, 'stage')} accredited in the last week`,
      url: at(base, `/lead/programmes/${p.id}`),
    },
    ...p.flags.map((f) => ({
      text: `${f.change === 'new' ? 'New' : 'Now'} ${f.severity}: ${f.traineeName}. ${f.reason}`,
      url: at(base, `/lead/enrolments/${f.enrolmentId}`),
    })),
    ...p.concernsDue.map((c) => ({ text: `Concern due for review on ${formatDate(c.reviewOn)}: ${c.traineeName}`, url: at(base, `/lead/enrolments/${c.enrolmentId}`) })),
  ])
  const flagCount = input.programmes.reduce((n, p) => n + p.flags.length, 0)
  const concernCount = input.programmes.reduce((n, p) => n + p.concernsDue.length, 0)
  return {
    subject: `Your programmes this week: ${plural(flagCount, 'new or worse flag')}, ${plural(concernCount, 'concern')} due`,
    greeting: hello(input.name),
    paragraphs: [`Where your programmes stand in the week of ${formatDate(input.weekOf)}.`],
    items,
    action: { label: 'Your programmes', url },
    link: url,
  }
}

/** Held messages of someone who chose daily or weekly e-mail, in one round-up. */
export function roundUpLetter(base: string, input: { name: string; period: 'daily' | 'weekly'; items: { subject: string; link: string | null }[] }): Letter {
  const url = at(base, '/')
  return {
    subject: `Your ${input.period} round-up from Attune: ${plural(input.items.length, 'update')}`,
    greeting: hello(input.name),
    paragraphs: [`Since your last round-up:`],
    items: input.items.map((i) => ({ text: i.subject, url: i.link ?? undefined })),
    action: { label: 'Open Attune', url },
    link: url,
  }
}
