import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { once, PG_POOL, runDdl, runtimeEnv } from '@edict/messaging';
import { distributionDdl } from './distribution.schema';

export interface Release {
  readonly policyId: string;
  readonly version: string;
  readonly digest: string;
  readonly kid: string;
  readonly signature: string;
  readonly verifiedAt: string;
}

/** Signed, verified versions: what may be rolled out. */
@Injectable()
export class ReleasesRepository {
  private readonly schema = runtimeEnv().schema;
  readonly migrate = once(() => runDdl(this.pool, `edict-migrate:${this.schema}`, distributionDdl(this.schema)));

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async save(release: Release): Promise<void> {
    await this.migrate();
    await this.pool.query(
      `INSERT INTO "${this.schema}".distribution_releases (policy_id, version, digest, kid, signature, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (policy_id, version) DO NOTHING`,
      [release.policyId, release.version, release.digest, release.kid, release.signature, release.verifiedAt],
    );
  }

  /** Every policy with a releasable version: the policies decision points may be asked about. */
  async policyIds(): Promise<string[]> {
    await this.migrate();
    const { rows } = await this.pool.query<{ policy_id: string }>(`SELECT DISTINCT policy_id FROM "${this.schema}".distribution_releases ORDER BY policy_id`);
    return rows.map((r) => r.policy_id);
  }

  async find(policyId: string, version: string): Promise<Release | undefined> {
    return (await this.list(policyId, version))[0];
  }

  async list(policyId: string, version?: string): Promise<Release[]> {
    await this.migrate();
    const { rows } = await this.pool.query<{ policy_id: string; version: string; digest: string; kid: string; signature: string; verified_at: Date }>(
      `SELECT * FROM "${this.schema}".distribution_releases WHERE policy_id = $1 AND ($2::text IS NULL OR version = $2) ORDER BY verified_at`,
      [policyId, version ?? null],
    );
    return rows.map((r) => ({ policyId: r.policy_id, version: r.version, digest: r.digest, kid: r.kid, signature: r.signature, verifiedAt: r.verified_at.toISOString() }));
  }
}
