import type { CodeLanguage } from '@shared/domain/playground'

const KEY = '$OPENAI_API_KEY'
const MAX_DATA_URL = 120

/**
 * The stored request body as code to run again. The key is never in the body; every snippet reads
 * it from the environment. Inline images are shortened so the snippet stays readable.
 */
export function requestCode(
  body: unknown,
  api: 'chat' | 'responses',
  baseURL: string,
  language: CodeLanguage
): string {
  const clean = shortenDataUrls(body)
  const path = api === 'chat' ? '/chat/completions' : '/responses'
  const json = JSON.stringify(clean, null, 2)
  if (language === 'curl')
    return [
      `curl ${baseURL.replace(/\/$/, '')}${path} \\`,
      `  -H "Authorization: Bearer ${KEY}" \\`,
      '  -H "Content-Type: application/json" \\',
      `  -d '${json.replace(/'/g, `'\\''`)}'`
    ].join('\n')
  const call = api === 'chat' ? 'chat.completions.create' : 'responses.create'
  if (language === 'typescript')
    return [
      "import OpenAI from 'openai'",
      '',
      `const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: ${JSON.stringify(baseURL)} })`,
      `const result = await client.${call}(${json})`,
      'console.log(result)'
    ].join('\n')
  return [
    'import os',
    'from openai import OpenAI',
    '',
    `client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], base_url=${JSON.stringify(baseURL)})`,
    `result = client.${call}(**${pythonLiteral(json)})`,
    'print(result)'
  ].join('\n')
}

/** JSON is almost a Python literal: only true, false and null are spelt differently. */
function pythonLiteral(json: string): string {
  return json.replace(
    /("(?:[^"\\]|\\.)*")|\b(true|false|null)\b/g,
    (match, str: string | undefined, word: string | undefined) => {
      if (str) return str
      return word === 'true' ? 'True' : word === 'false' ? 'False' : 'None'
    }
  )
}

/** Inline images as a short stub: a stored request keeps its shape without megabytes of base64. */
export function shortenDataUrls(value: unknown): unknown {
  if (typeof value === 'string')
    return value.startsWith('data:') && value.length > MAX_DATA_URL
      ? `${value.slice(0, 40)}…(${Math.round(value.length / 1024)} kB of base64)`
      : value
  if (Array.isArray(value)) return value.map(shortenDataUrls)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortenDataUrls(v)]))
  return value
}
