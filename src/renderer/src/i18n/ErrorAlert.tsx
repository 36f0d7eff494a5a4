import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorInfo } from '../api/client'
import { errorText } from './error-text'

/** A failed load shown in place of the page: the code's words as the title, the core's message below. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const text = errorText(t, errorInfo(error))
  return (
    <Alert color="red" title={text.title}>
      {text.detail}
    </Alert>
  )
}
