import { z } from 'zod';
import type { Faults } from './faults';

// Body of POST /__sandbox/faults: `{"action": <FaultControls method>, ...its arguments by name}`.
const FaultAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('expireTokens') }),
  z.object({ action: z.literal('invalidateTokens') }),
  z.object({
    action: z.literal('failNext'),
    path: z.string(),
    errcode: z.number().int(),
    count: z.number().int().positive().optional(),
  }),
  z.object({ action: z.literal('setLatency'), ms: z.number().min(0) }),
  z.object({
    action: z.literal('dropConnections'),
    path: z.string().nullable().optional(),
    count: z.number().int().positive(),
  }),
  z.object({
    action: z.literal('dropReplies'),
    path: z.string().nullable().optional(),
    count: z.number().int().positive(),
  }),
  z.object({
    action: z.literal('failAfterApply'),
    path: z.string(),
    errcode: z.number().int(),
    count: z.number().int().positive().optional(),
  }),
  z.object({
    action: z.enum(['httpErrorAfterApply', 'httpErrorNext']),
    path: z.string(),
    status: z.number().int().min(500).max(599),
    count: z.number().int().positive().optional(),
  }),
  z.object({
    action: z.literal('setTrustedIps'),
    target: z.union([z.literal('contacts'), z.number().int()]),
    ips: z.array(z.string()).nullable(),
  }),
  z.object({ action: z.literal('forbidContactDetails'), on: z.boolean() }),
  z.object({ action: z.literal('setRateLimit'), perMinute: z.number().int().positive().nullable() }),
  z.object({ action: z.literal('setWrongSecretLimit'), perHour: z.number().int().positive().nullable() }),
  z.object({ action: z.literal('callCount'), path: z.string().optional() }),
  z.object({ action: z.literal('reset') }),
]);

export function applyFault(faults: Faults, bodyText: string): Record<string, unknown> {
  const a = FaultAction.parse(JSON.parse(bodyText || '{}'));
  switch (a.action) {
    case 'expireTokens':
      faults.expireTokens();
      break;
    case 'invalidateTokens':
      faults.invalidateTokens();
      break;
    case 'failNext':
      faults.failNext(a.path, a.errcode, a.count);
      break;
    case 'setLatency':
      faults.setLatency(a.ms);
      break;
    case 'dropConnections':
      faults.dropConnections(a.path ?? null, a.count);
      break;
    case 'dropReplies':
      faults.dropReplies(a.path ?? null, a.count);
      break;
    case 'failAfterApply':
      faults.failAfterApply(a.path, a.errcode, a.count);
      break;
    case 'httpErrorAfterApply':
      faults.httpErrorAfterApply(a.path, a.status, a.count);
      break;
    case 'httpErrorNext':
      faults.httpErrorNext(a.path, a.status, a.count);
      break;
    case 'setTrustedIps':
      faults.setTrustedIps(a.target, a.ips);
      break;
    case 'forbidContactDetails':
      faults.forbidContactDetails(a.on);
      break;
    case 'setRateLimit':
      faults.setRateLimit(a.perMinute);
      break;
    case 'setWrongSecretLimit':
      faults.setWrongSecretLimit(a.perHour);
      break;
    case 'callCount':
      return a.path === undefined ? { counts: faults.callCount() } : { count: faults.callCount(a.path) };
    case 'reset':
      faults.reset();
      break;
  }
  return {};
}
