import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { errorInfo } from '../api/client'
import { errorText } from './error-text'

/** Shows a failed call as a red notification: the code's words as the title, the core's message below. */
export function notifyError(t: TFunction, error: unknown): void {
  const text = errorText(t, errorInfo(error))
  notifications.show({ color: 'red', title: text.title, message: text.detail })
}
