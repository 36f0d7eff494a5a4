import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { acceptedHosts, bindingNotice, isLoopbackHost } from '../../../src/main/server/binding'

const TOKEN = 'tok_abc123'

function nic(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const base = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null }
  return family === 'IPv4' ? { ...base, family } : { ...base, family, scopeid: 0 }
}

const interfaces: Record<string, NetworkInterfaceInfo[]> = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6'), nic('2001:db8::20', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4')]
}

describe('binding notice', () => {
  it('says nothing extra for loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2'])
      expect(bindingNotice(host, 4000, TOKEN, interfaces)).toEqual([])
    expect(isLoopbackHost('0.0.0.0')).toBe(false)
    expect(isLoopbackHost('192.168.1.20')).toBe(false)
  })

  it('warns that the token is the only guard and lists every address that works on 0.0.0.0', () => {
    const lines = bindingNotice('0.0.0.0', 4000, TOKEN, interfaces)
    const text = lines.join('\n')
    expect(text).toMatch(/token is the only/i)
    expect(text).toMatch(/not encrypted/i)
    expect(lines).toContain(`  http://192.168.1.20:4000/?token=${TOKEN}`)
    expect(lines).toContain(`  http://10.0.0.7:4000/?token=${TOKEN}`)
    expect(lines).toContain(`  http://127.0.0.1:4000/?token=${TOKEN}`)
    expect(text).not.toContain('2001:db8')
    expect(text).not.toContain('fe80')
  })

  it('lists IPv6 addresses too on :: (but not link-local ones), and only the given address otherwise', () => {
    const any6 = bindingNotice('::', 4000, TOKEN, interfaces)
    expect(any6).toContain(`  http://[2001:db8::20]:4000/?token=${TOKEN}`)
    expect(any6).toContain(`  http://192.168.1.20:4000/?token=${TOKEN}`)
    expect(any6.join('\n')).not.toContain('fe80')
    const one = bindingNotice('192.168.1.20', 4000, TOKEN, interfaces)
    expect(one.filter((line) => line.includes('http://'))).toEqual([
      `  http://192.168.1.20:4000/?token=${TOKEN}`
    ])
  })

  it('accepts exactly those addresses in the Host header (DNS rebinding guard)', () => {
    const any = acceptedHosts('0.0.0.0', 4000, interfaces)
    expect(any).toEqual(
      expect.arrayContaining([
        '127.0.0.1:4000',
        'localhost:4000',
        '[::1]:4000',
        '192.168.1.20:4000',
        '10.0.0.7:4000'
      ])
    )
    expect(any).not.toContain('evil.example:4000')
    expect(acceptedHosts('::', 4000, interfaces)).toContain('[2001:db8::20]:4000')
    expect(acceptedHosts('127.0.0.1', 4000, interfaces)).toEqual([
      '127.0.0.1:4000',
      'localhost:4000',
      '[::1]:4000'
    ])
    expect(acceptedHosts('fw.lan', 4000, interfaces)).toContain('fw.lan:4000')
  })
})
