import type { z } from 'zod';
import type { createDataSourceSchema, DataSourceView, SyncStatus, UnreadableNumber, updateDataSourceSchema } from '../../../contracts/index.ts';
import { ApiError, dataSourceNotFound, explainedError } from '../problem.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { takeGeneratedApp } from '../app-registration/app-registration-service.ts';
import type { SourceAccessPolicy } from '../auth/source-access.ts';
import type { Directory, SourceFilter } from '../directory/directory.ts';
import type { DataSourceRecord } from '../store/data-source-repository.ts';
import type { Store } from '../store/store.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { SyncScheduler } from '../sync/sync-scheduler.ts';

type CreateInput = z.output<typeof createDataSourceSchema>;
type UpdateInput = z.output<typeof updateDataSourceSchema>;

/** An app Switchboard generated that another took the place of: still in Entra until deleted there. */
export interface ReplacedCredentials {
  tenantId: string;
  clientId: string;
  appObjectId: string;
}

/** Data source records: created with their secret sealed, presented without it. */
export class DataSourceService {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretBox,
    private readonly engine: SyncEngine,
    private readonly scheduler: SyncScheduler,
    private readonly directory: Directory,
    private readonly access: SourceAccessPolicy,
  ) {}

  /** Puts every stored source's authorization into effect; before the API answers anyone. */
  async loadAccessRules(): Promise<void> {
    for (const s of await this.store.dataSources.list()) this.access.set(s.id, s.tenantId, s.access);
  }

  async list(visible: SourceFilter): Promise<DataSourceView[]> {
    return (await this.store.dataSources.list()).filter((s) => visible(s.id)).map((s) => present(s, this.directory.contactCount(s.id)));
  }

  async view(id: string): Promise<DataSourceView> {
    return present(await this.require(id), this.directory.contactCount(id));
  }

  async create(input: CreateInput): Promise<DataSourceView> {
    if (await this.store.dataSources.get(input.id)) {
      throw explainedError(409, 'data_source_exists', { detailCode: 'data_source_exists', detailParams: { sourceId: input.id } }, `A data source with the id "${input.id}" exists already.`);
    }
    const now = new Date().toISOString();
    const { clientId, clientSecret, credentialId, ...settings } = input;
    const record = await this.store.transaction(async (store) => {
      const credentials = credentialId
        ? await takeGeneratedApp(store, credentialId, input.tenantId)
        : { clientId: clientId ?? '', secretSealed: this.secrets.seal(clientSecret ?? ''), appObjectId: null };
      const created: DataSourceRecord = { ...settings, ...credentials, createdAt: now, updatedAt: now };
      await store.dataSources.insert(created);
      return created;
    });
    this.access.set(record.id, record.tenantId, record.access);
    if (record.enabled && record.autoStart) this.startSync(record.id);
    return present(record, 0);
  }

  /**
   * Changes settings. Disabling ends a running round at its next request; a changed schedule or
   * re-enabling plans the next round; a changed dialling profile or priority re-reads the index.
   */
  async update(id: string, patch: UpdateInput): Promise<DataSourceView> {
    const current = await this.require(id);
    const { clientSecret, credentialId, ...settings } = patch;
    // Taking another generated app here would leave this one in Entra, out of reach of REMOVE APP.
    if (credentialId !== undefined && current.appObjectId !== null) {
      throw explainedError(
        409,
        'http_error',
        { detailCode: 'app_replace_required', detailParams: { sourceId: id } },
        `Switchboard generated the app of data source "${id}": replace it through POST /api/datasources/${id}/app/replace, which also deletes the old app in Entra.`,
      );
    }
    const next = await this.store.transaction(async (store) => {
      const changed: DataSourceRecord = {
        ...current,
        ...settings,
        // Credentials entered by hand replace a generated app: REMOVE APP no longer applies to it.
        ...(clientSecret === undefined ? {} : { secretSealed: this.secrets.seal(clientSecret), appObjectId: null }),
        ...(credentialId === undefined ? {} : await takeGeneratedApp(store, credentialId, settings.tenantId ?? current.tenantId)),
        updatedAt: new Date().toISOString(),
      };
      await store.dataSources.update(changed);
      return changed;
    });
    this.access.set(id, next.tenantId, next.access);
    if (!next.enabled) await this.scheduler.unschedule(id);
    else if (!current.enabled || patch.schedule) await this.scheduler.schedule(next);
    if (patch.dialling || patch.priority !== undefined || patch.approximation !== undefined) await this.directory.reloadSource(id);
    return present(next, this.directory.contactCount(id));
  }

  /**
   * A generated app takes the place of the source's current one, in one transaction: its
   * credential moves into the source, and the current app's secret leaves the store with it. The
   * app it replaced comes back for the caller to delete in Entra, if Switchboard generated it.
   */
  async replaceApp(id: string, credentialId: string): Promise<{ source: DataSourceView; previous: ReplacedCredentials | null }> {
    const { next, previous } = await this.store.transaction(async (store) => {
      const current = await store.dataSources.get(id);
      if (!current) throw dataSourceNotFound(id);
      const changed: DataSourceRecord = { ...current, ...(await takeGeneratedApp(store, credentialId, current.tenantId)), updatedAt: new Date().toISOString() };
      await store.dataSources.update(changed);
      const replaced = current.appObjectId === null ? null : { tenantId: current.tenantId, clientId: current.clientId, appObjectId: current.appObjectId };
      return { next: changed, previous: replaced };
    });
    return { source: present(next, this.directory.contactCount(id)), previous };
  }

  /** Deletes the source: its round stops, its contacts leave the store and the index. */
  async remove(id: string): Promise<void> {
    await this.require(id);
    await this.scheduler.unschedule(id);
    await this.store.dataSources.delete(id);
    this.access.remove(id);
    await this.directory.reloadSource(id);
  }

  async unreadableNumbers(id: string): Promise<UnreadableNumber[]> {
    await this.require(id);
    return this.directory.unreadableNumbers(id) ?? [];
  }

  /** A source the viewer may not see does not exist for them: no status, no count. */
  async status(id: string, visible: SourceFilter): Promise<SyncStatus> {
    if (!visible(id)) throw dataSourceNotFound(id);
    return this.statusOf(await this.require(id));
  }

  /** Starts a round in the background and answers with the status it begins with. */
  async syncNow(id: string, options: { full?: boolean } = {}): Promise<SyncStatus> {
    const source = await this.require(id);
    if (!source.enabled) throw new ApiError(409, 'data_source_disabled', 'The data source is disabled; enable it to sync.');
    this.startSync(id, options);
    return this.statusOf(source);
  }

  private statusOf(source: DataSourceRecord): Promise<SyncStatus> {
    return this.engine.status(source, this.directory.contactCount(source.id));
  }

  private startSync(id: string, options: { full?: boolean } = {}): void {
    // Failures are recorded in the sync state by the engine; nothing is left to handle here.
    void this.scheduler.runNow(id, options).catch(() => undefined);
  }

  private async require(id: string): Promise<DataSourceRecord> {
    const source = await this.store.dataSources.get(id);
    if (!source) throw dataSourceNotFound(id);
    return source;
  }
}

function present(s: DataSourceRecord, contactCount: number): DataSourceView {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    type: s.type,
    priority: s.priority,
    enabled: s.enabled,
    autoStart: s.autoStart,
    tenantId: s.tenantId,
    clientId: s.clientId,
    hasSecret: s.secretSealed.length > 0,
    schedule: s.schedule,
    dialling: s.dialling,
    approximation: s.approximation,
    access: s.access,
    appObjectId: s.appObjectId,
    contactCount,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
