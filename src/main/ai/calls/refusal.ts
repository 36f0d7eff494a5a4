import { AppError } from '@shared/errors'

/** A model's refusal, on either API, with its words kept for the UI. */
export function refused(text: string): AppError {
  return new AppError('AI_REFUSED', `The model refused: “${text}”`, { refusal: text })
}
