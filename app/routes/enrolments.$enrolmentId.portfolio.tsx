// The accreditation portfolio PDF, for the trainee and for anyone who may see their enrolment.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { loadPortfolio } from '~/models/portfolio.server'
import { pdfResponse, renderPdf } from '~/pdf/render.server'
import { requireUser } from '~/utils/auth.server'
import { today } from '~/utils/dates'
import { idParam } from '~/utils/params'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const portfolio = found(await loadPortfolio(await getDb(), user, idParam(params.enrolmentId)))
  const pdf = await renderPdf({ document: 'portfolio', portfolio, generatedOn: today() })
  return pdfResponse(pdf, `VIG portfolio - ${portfolio.traineeName}${portfolio.accredited ? '' : ' (in progress)'}.pdf`)
}
