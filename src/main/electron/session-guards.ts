import { session } from 'electron'
import { allowPermissionCheck, allowPermissionRequest } from './permissions'
import { trustedRenderer } from './window'

/** Permission handlers for the app's session; the decisions live in permissions.ts. Call after ready. */
export function registerSessionGuards(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
    callback(
      allowPermissionRequest(
        permission,
        { requestingUrl: details.requestingUrl, mediaTypes },
        trustedRenderer()
      )
    )
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details, trustedRenderer())
  )
}
