import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

/** How long a process's claim on its jobs lasts without renewal, and how often it is renewed. */
export const LEASE_MS = 15_000
export const RENEW_MS = 5_000

export interface JobOwner {
  id: string
  host: string
  pid: number
  startedAt: string
}

/** Whether a process on this machine still exists (a killed one cannot renew, so waiting is pointless). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A fresh identity per queue: two apps in one process are as separate as two processes. */
export function newJobOwner(now: Date = new Date()): JobOwner {
  const host = hostname()
  return {
    id: `${host}:${process.pid}:${now.getTime()}:${randomBytes(3).toString('hex')}`,
    host,
    pid: process.pid,
    startedAt: now.toISOString()
  }
}
