import { z } from 'zod';
import { AppConfigInput } from '../../contract/settings';
import { AppError } from '../../contract/errors';
import type { SecretStore } from '../ports';

/** A corp profile given entirely by environment variables (CLI jobs, scripted setups). */
export interface EnvProfile {
  corpId: string;
  contactsSecret: string;
  apps: Array<{
    name: string;
    purpose: z.infer<typeof AppConfigInput>['purpose'];
    agentid: number;
    secret: string;
  }>;
}

const AppsEnv = z.array(AppConfigInput.required({ secret: true }));

export function readEnvProfile(env: NodeJS.ProcessEnv): EnvProfile | null {
  const corpId = env.WECOM_CORP_ID?.trim();
  if (!corpId) return null;
  const contactsSecret = env.WECOM_CONTACTS_SECRET?.trim() ?? '';
  let apps: EnvProfile['apps'] = [];
  if (env.WECOM_APPS?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.WECOM_APPS);
    } catch {
      throw new AppError('INVALID_INPUT', 'WECOM_APPS is not valid JSON', {
        details: { variable: 'WECOM_APPS' },
      });
    }
    const r = AppsEnv.safeParse(parsed);
    if (!r.success) {
      throw new AppError('INVALID_INPUT', `WECOM_APPS: ${r.error.issues.map((i) => i.message).join('; ')}`, {
        details: { variable: 'WECOM_APPS' },
      });
    }
    apps = r.data.map((a) => ({ name: a.name, purpose: a.purpose, agentid: a.agentid, secret: a.secret }));
  }
  return { corpId, contactsSecret, apps };
}

/** Read-only store over an EnvProfile, so the rest of the app treats both modes alike. */
export class EnvSecretStore implements SecretStore {
  readonly kind = 'environment' as const;
  constructor(private readonly p: EnvProfile) {}
  async get(key: string): Promise<string | null> {
    if (key === 'contacts') return this.p.contactsSecret || null;
    const app = this.p.apps.find((a) => `app:${a.agentid}` === key);
    return app?.secret ?? null;
  }
  async set(): Promise<void> {
    throw new AppError('INVALID_INPUT', 'secrets come from environment variables and cannot be changed here');
  }
  async delete(): Promise<void> {
    throw new AppError('INVALID_INPUT', 'secrets come from environment variables and cannot be changed here');
  }
}
