// What a PDF worker is asked to render: the document's name and its props, as plain data that can
// be copied to a worker thread (no React elements, functions or class instances).
import type { ComponentProps } from 'react'
import type { CertificateForPdf } from '~/models/certificate.server'
import type { Portfolio } from '~/models/portfolio.server'
import type { EvaluationDocument } from './evaluation-document'
import type { SustainabilityDocument } from './sustainability-document'

export type PdfJob =
  | { document: 'certificate'; certificate: CertificateForPdf }
  | { document: 'portfolio'; portfolio: Portfolio; generatedOn: string }
  | { document: 'sustainability'; props: ComponentProps<typeof SustainabilityDocument> }
  | { document: 'evaluation'; props: ComponentProps<typeof EvaluationDocument> }
