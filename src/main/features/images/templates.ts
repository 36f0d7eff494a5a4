import type { ImageDetail, TemplateKey } from '@shared/domain/extract'

type Json = Record<string, unknown>

export interface Template {
  key: TemplateKey
  name: string
  instructions: string
  schema: Json
  detail: ImageDetail
}

const text = (description: string): Json => ({ type: 'string', description })
const list = (description: string, items: Json = { type: 'string' }): Json => ({
  type: 'array',
  description,
  items
})
const strictObject = (properties: Record<string, Json>): Json => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false
})
/** Strict mode has no optional fields: "may be absent" is a null the model can choose. */
const nullable = (schema: Json): Json => ({ ...schema, type: [schema.type as string, 'null'] })

const CAPTION: Template = {
  key: 'caption',
  name: 'Caption & tags',
  detail: 'low',
  instructions:
    'Describe the photo for a searchable library. caption: one plain sentence saying what is shown. ' +
    'tags: 3–10 lowercase single words or short phrases a person would search for. objects: the distinct ' +
    'things visible. dominant_colours: up to 5 common colour names. text_in_image: any legible text, ' +
    'verbatim, or an empty string.',
  schema: strictObject({
    caption: text('One sentence saying what the photo shows'),
    tags: list('Search words, lowercase'),
    objects: list('Distinct things visible'),
    dominant_colours: list('Up to five colour names'),
    text_in_image: text('Legible text, verbatim; empty when none')
  })
}

const OCR: Template = {
  key: 'ocr',
  name: 'Document / OCR',
  detail: 'high',
  instructions:
    'Read the document in the image. document_type: what kind of document it is (letter, invoice, form, ' +
    'sign, page of a book…). full_text: all legible text in reading order, line breaks kept. key_fields: ' +
    'labelled values printed on it (dates, numbers, names), each as a name and a value. Do not invent text.',
  schema: strictObject({
    document_type: text('Kind of document'),
    language: text('Main language of the text (ISO 639-1 code)'),
    full_text: text('All legible text in reading order'),
    key_fields: list(
      'Labelled values printed on the document',
      strictObject({ name: text('Label'), value: text('Value') })
    )
  })
}

const RECEIPT: Template = {
  key: 'receipt',
  name: 'Receipt',
  detail: 'high',
  instructions:
    'Read the receipt. merchant: the shop or business name. date: the purchase date as YYYY-MM-DD, or null ' +
    'when not printed. currency: ISO 4217 code (guess from symbols and country when not printed). total: ' +
    'the amount paid. line_items: each purchased item with its quantity and line total. Use numbers, not text, for amounts.',
  schema: strictObject({
    merchant: text('Business name'),
    date: nullable(text('Purchase date, YYYY-MM-DD')),
    currency: text('ISO 4217 code'),
    total: { type: 'number', description: 'Amount paid' },
    tax: nullable({ type: 'number', description: 'Tax amount when printed' }),
    line_items: list(
      'Purchased items',
      strictObject({
        description: text('Item as printed'),
        quantity: { type: 'number' },
        amount: { type: 'number', description: 'Line total' }
      })
    )
  })
}

const PRODUCT: Template = {
  key: 'product',
  name: 'Product photo',
  detail: 'auto',
  instructions:
    'Describe the product in the photo for a catalogue or resale listing. product: what it is. brand: the ' +
    'brand when visible, else null. condition: new, like new, good, fair or poor. defects: visible damage ' +
    'or wear, each in a few words (empty when none).',
  schema: strictObject({
    product: text('What the product is'),
    brand: nullable(text('Brand when visible')),
    condition: { type: 'string', enum: ['new', 'like new', 'good', 'fair', 'poor'] },
    colour: text('Main colour'),
    defects: list('Visible damage or wear')
  })
}

const SCREENSHOT: Template = {
  key: 'screenshot',
  name: 'Screenshot',
  detail: 'high',
  instructions:
    'Explain the screenshot. app: the application or website shown. ui_text: the important visible text ' +
    '(titles, buttons, messages), verbatim. activity: in one sentence, what the user is doing. ' +
    'errors: any error or warning messages shown, verbatim (empty when none).',
  schema: strictObject({
    app: text('Application or website'),
    ui_text: list('Important visible text, verbatim'),
    activity: text('What the user is doing'),
    errors: list('Error or warning messages, verbatim')
  })
}

export const TEMPLATES: readonly Template[] = [CAPTION, OCR, RECEIPT, PRODUCT, SCREENSHOT]

/** Built-in extractors are addressed by this id; saving one makes an editable copy. */
export const builtinId = (key: TemplateKey): string => `builtin:${key}`
