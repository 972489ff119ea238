// Every piece of text in a printed document goes through this, so that what the font cannot draw
// is replaced cleanly instead of garbling its neighbours (see fonts.server.ts).
import { Text } from '@react-pdf/renderer'
import { Children, type ComponentProps, type ReactNode } from 'react'
import { printable } from './fonts.server'

type Props = Extract<ComponentProps<typeof Text>, { render?: unknown }> & { children?: ReactNode }

/** react-pdf's Text, with every string child made printable by the documents' font. */
export function PdfText({ children, ...props }: Props) {
  return <Text {...props}>{Children.map(children, (child) => (typeof child === 'string' ? printable(child) : child))}</Text>
}
