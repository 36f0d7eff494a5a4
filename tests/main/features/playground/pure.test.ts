import type OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { requestCode, shortenDataUrls } from '../../../../src/main/features/playground/request-code'
import { readOutput } from '../../../../src/main/features/playground/response-parts'
import { argumentProblem } from '../../../../src/main/features/playground/function-calls'
import { sample } from '../../../support/fake-openai/samples'

const output = (name: string) => sample<{ output: OpenAI.Responses.ResponseOutputItem[] }>(name).output

describe('reading a response’s output', () => {
  it('takes url citations with their cited span, and the searches the model ran', () => {
    const read = readOutput(output('responses-web-search-url-citation.json'))
    const text = read.parts.find((p) => p.type === 'text')
    const citations = read.parts.flatMap((p) => (p.type === 'citation' ? [p.citation] : []))
    expect(citations.length).toBeGreaterThan(3)
    for (const c of citations) {
      expect(c.kind).toBe('url')
      expect(c.quote).toBe(text?.type === 'text' ? text.text.slice(c.startIndex, c.endIndex) : '')
    }
    const searches = read.parts.filter((p) => p.type === 'tool_call' && p.kind === 'web_search_call')
    expect(searches.length).toBeGreaterThan(0)
    expect(searches[0]).toMatchObject({ actions: [expect.stringMatching(/^search: /)] })
  })

  it('takes code with its logs and the files the code interpreter cited', () => {
    const read = readOutput(output('responses-code-interpreter-call.json'))
    expect(read.parts.filter((p) => p.type === 'code')).toHaveLength(3)
    expect(read.containerFiles).toEqual([
      {
        containerId: 'cntr_6903bf2c0470819090b2b1e63e0b66800c139a5d654a42ec',
        fileId: 'cfile_6903bf45e3288191af3d56e6d23c3a4d',
        filename: 'two_dice_sums_10000.txt'
      }
    ])
  })

  it('takes file citations of file search', () => {
    const read = readOutput(output('responses-file-search-call.json'))
    expect(read.parts.find((p) => p.type === 'citation')).toMatchObject({
      citation: { kind: 'file', fileId: 'file-Ebzhf8H4DPGPr9pUhr7n7v', filename: 'ai.pdf', startIndex: 438 }
    })
  })
})

describe('view as code', () => {
  const body = {
    model: 'gpt-4o',
    store: false,
    input: 'hi',
    temperature: null,
    image: `data:image/png;base64,${'A'.repeat(500)}`
  }

  it('writes Python literals and shortens inline images', () => {
    const code = requestCode(shortenDataUrls(body), 'responses', 'https://api.example/v1', 'python')
    expect(code).toContain('"store": False')
    expect(code).toContain('"temperature": None')
    expect(code).toContain('client.responses.create(**{')
    expect(code).toMatch(/data:image\/png;base64,A+…\(\d+ kB of base64\)/)
  })

  it('quotes a body with an apostrophe safely for the shell', () => {
    const code = requestCode({ input: "it’s o'clock" }, 'chat', 'https://api.example/v1', 'curl')
    expect(code).toContain(`o'\\''clock`)
    expect(code.split('\n')[0]).toBe('curl https://api.example/v1/chat/completions \\')
  })
})

describe('function arguments', () => {
  const schema = {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false
  }

  it('says why arguments do not fit the schema', () => {
    expect(argumentProblem('{"city":"Oslo"}', schema, 'f')).toBeNull()
    expect(argumentProblem('{"town":"Oslo"}', schema, 'f')).toMatch(/do not match the schema/)
    expect(argumentProblem('{city', schema, 'f')).toBe('The arguments are not valid JSON.')
  })
})
