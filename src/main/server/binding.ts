import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
}

function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address
}

/** Addresses a browser can use to reach a server bound to `host` (wildcards: every interface). */
function reachableAddresses(host: string, interfaces: Interfaces): string[] {
  const bare = host.replace(/^\[|\]$/g, '')
  if (bare !== '0.0.0.0' && bare !== '::') return [bare]
  const all = Object.values(interfaces).flatMap((list) => list ?? [])
  // `::` is dual-stack on Linux, macOS and Windows; link-local IPv6 needs a zone id no browser URL takes.
  const usable = all.filter(
    (nic) => nic.family === 'IPv4' || (bare === '::' && !nic.address.toLowerCase().startsWith('fe80:'))
  )
  const external = usable.filter((nic) => !nic.internal).map((nic) => nic.address)
  return [...new Set([...external, '127.0.0.1'])]
}

/**
 * The Host header values the server answers (DNS-rebinding guard): the loopback names, plus the
 * bound address, or every interface address when bound to 0.0.0.0 / ::.
 */
export function acceptedHosts(
  host: string,
  port: number,
  interfaces: Interfaces = networkInterfaces()
): string[] {
  const names = isLoopbackHost(host) ? [] : reachableAddresses(host, interfaces).map(hostPart)
  return [...new Set([...LOOPBACK_NAMES, ...names])].map((name) => `${name}:${port}`)
}

/**
 * What `framewise serve --host <non-loopback>` should print: the token is then the only thing between
 * the network and the library (and the API keys it spends), over unencrypted HTTP. Empty for loopback.
 */
export function bindingNotice(
  host: string,
  port: number,
  token: string,
  interfaces: Interfaces = networkInterfaces()
): string[] {
  if (isLoopbackHost(host)) return []
  const urls = reachableAddresses(host, interfaces).map(
    (address) => `  http://${hostPart(address)}:${port}/?token=${token}`
  )
  return [
    `Warning: listening on ${host}, so other machines can reach this server, not only this computer.`,
    'The access token is the only guard: anyone who has the address with its token can read the library,',
    'import files and spend the configured API keys. The connection is plain HTTP, not encrypted, so use',
    'it only on a network you trust, and do not share the address.',
    'Addresses that work:',
    ...urls
  ]
}
