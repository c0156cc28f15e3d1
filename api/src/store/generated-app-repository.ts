import type { Kysely } from 'kysely';
import type { GeneratedApp } from '../../../contracts/index.ts';
import type { Database, GeneratedAppTable } from './schema.ts';

export type GeneratedAppRecord = Omit<GeneratedApp, 'portalUrl'> & { secretSealed: string; createdAt: string; createdBy: string };

export class GeneratedAppRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(app: GeneratedAppRecord): Promise<void> {
    await this.db.insertInto('generated_apps').values(toRow(app)).execute();
  }

  async get(credentialId: string): Promise<GeneratedAppRecord | undefined> {
    const row = await this.db.selectFrom('generated_apps').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
    return row && fromRow(row);
  }

  async delete(credentialId: string): Promise<void> {
    await this.db.deleteFrom('generated_apps').where('credential_id', '=', credentialId).execute();
  }
}

function toRow(a: GeneratedAppRecord): GeneratedAppTable {
  return {
    credential_id: a.credentialId,
    tenant_id: a.tenantId,
    client_id: a.clientId,
    app_object_id: a.appObjectId,
    display_name: a.displayName,
    permissions: JSON.stringify(a.permissions),
    secret_sealed: a.secretSealed,
    secret_expires_at: a.secretExpiresAt,
    created_at: a.createdAt,
    created_by: a.createdBy,
  };
}

function fromRow(r: GeneratedAppTable): GeneratedAppRecord {
  return {
    credentialId: r.credential_id,
    tenantId: r.tenant_id,
    clientId: r.client_id,
    appObjectId: r.app_object_id,
    displayName: r.display_name,
    permissions: JSON.parse(r.permissions) as GeneratedAppRecord['permissions'],
    secretSealed: r.secret_sealed,
    secretExpiresAt: r.secret_expires_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
