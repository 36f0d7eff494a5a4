import type { ServerResponse } from 'node:http'
import { ERRORS } from './endpoints'
import type { Fault, RecordedRequest } from './types'

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Answers with a fault. Returns false for faults that shape the normal answer instead (streams, delays). */
export function respondWithFault(
  res: ServerResponse,
  fault: Fault,
  requestId: string,
  isResponsesApi: boolean,
  request?: RecordedRequest
): boolean {
  const id = { 'x-request-id': requestId }
  switch (fault.kind) {
    case 'rate_limit': {
      const headers: Record<string, string> = {
        ...id,
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-remaining-tokens': '0'
      }
      if (fault.retryAfterS !== undefined) headers['retry-after'] = String(fault.retryAfterS)
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs)
      if (fault.resetRequests) headers['x-ratelimit-reset-requests'] = fault.resetRequests
      if (fault.resetTokens) headers['x-ratelimit-reset-tokens'] = fault.resetTokens
      sendJson(res, 429, ERRORS.rateLimit(), headers)
      return true
    }
    case 'insufficient_quota':
      sendJson(res, 429, ERRORS.quota(), id)
      return true
    case 'server_error':
      sendJson(
        res,
        fault.status ?? 500,
        {
          error: {
            message: 'The server had an error while processing your request. Sorry about that!',
            type: 'server_error',
            param: null,
            code: null
          }
        },
        id
      )
      return true
    case 'unauthorized':
      sendJson(res, 401, ERRORS.unauthorized(), id)
      return true
    case 'context_length_exceeded': {
      const body = ERRORS.context()
      if (isResponsesApi) (body.error as Record<string, unknown>).param = 'input'
      sendJson(res, 400, body, id)
      return true
    }
    case 'unsupported_parameter': {
      const body = ERRORS.unsupported()
      const error = body.error as Record<string, unknown>
      error.param = fault.param
      error.message = `Unsupported parameter: '${fault.param}' is not supported with this model.`
      sendJson(res, 400, body, id)
      return true
    }
    case 'malformed_json':
      res.writeHead(200, { 'content-type': 'application/json', ...id })
      res.end('{"id": "chatcmpl-broken", "choices": [{"message": {"content": "unterminated')
      return true
    case 'echo_authorization': {
      const auth = request?.headers.authorization ?? ''
      const bare = auth.replace(/^Bearer\s+/i, '')
      const message = `Bad request. You sent Authorization: ${auth} (key ${bare}); this gateway takes another header.`
      sendJson(res, 400, { error: { message, type: 'invalid_request_error', param: null, code: null } }, id)
      return true
    }
    case 'moderation_blocked':
      sendJson(
        res,
        400,
        {
          error: {
            message:
              'Your request was rejected by the safety system. Your prompt may contain text that is not allowed by our safety system.',
            type: 'image_generation_user_error',
            param: null,
            code: 'moderation_blocked'
          }
        },
        id
      )
      return true
    case 'hang':
      return true
    default:
      return false
  }
}
