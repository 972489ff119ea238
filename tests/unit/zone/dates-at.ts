// Run as its own process (so that TZ takes effect): sets the clock to each instant given on the
// command line and prints what Attune's date logic answers then, as JSON.
import { pastCalendarDate } from '~/schemas/fields'
import { addDays, daysBetween, formatInstant, instantToCalendarDate, today } from '~/utils/dates'

const RealDate = Date
let clock = 0
// The clock, and only the clock: `new Date()` and `Date.now()` read `clock`.
globalThis.Date = class extends RealDate {
  constructor(...args: unknown[]) {
    super(...((args.length === 0 ? [clock] : args) as [number]))
  }
  static now() {
    return clock
  }
} as DateConstructor

const answers = process.argv.slice(2).map((instant) => {
  clock = RealDate.parse(instant)
  const todayThen = today()
  return {
    instant,
    today: todayThen,
    shown: formatInstant(instant),
    calendarDate: instantToCalendarDate(instant),
    tomorrow: addDays(todayThen, 1),
    daysToNextWeek: daysBetween(todayThen, addDays(todayThen, 7)),
    // A meeting held today is not "in the future".
    heldTodayAccepted: pastCalendarDate('the date').safeParse(todayThen).success,
    tomorrowAccepted: pastCalendarDate('the date').safeParse(addDays(todayThen, 1)).success,
  }
})
process.stdout.write(JSON.stringify({ zone: new Intl.DateTimeFormat().resolvedOptions().timeZone, answers }))
