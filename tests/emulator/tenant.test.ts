import { describe, expect, it } from 'vitest';
import { ContactNotFoundError, Tenant } from '../../emulator/src/index.ts';

describe('Tenant', () => {
  it('starts with the generated contacts at sequence 0, listed by id', () => {
    const tenant = new Tenant({ contacts: 200, seed: 5 });
    expect(tenant.count).toBe(200);
    expect(tenant.sequence).toBe(0);
    const ids = tenant.list().map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('is deterministic for a seed, including generated additions', () => {
    const a = new Tenant({ contacts: 50, seed: 9 });
    const b = new Tenant({ contacts: 50, seed: 9 });
    expect(a.list()).toEqual(b.list());
    expect(a.add()).toEqual(b.add());
  });

  it('bumps the sequence per mutation and records it for delta', () => {
    const tenant = new Tenant({ contacts: 20, seed: 1 });
    const [first, second] = tenant.list();
    const added = tenant.add({ surname: 'Bartels', companyName: 'Bartels KG' });
    expect(added.displayName).toBe('Bartels');
    expect(added.phones.map((p) => p.type)).toEqual(['business', 'mobile', 'businessFax']);
    tenant.update(first?.id ?? '', { jobTitle: 'CEO' });
    tenant.remove(second?.id ?? '', 'changed');
    expect(tenant.sequence).toBe(3);
    expect(tenant.count).toBe(20);
    expect(tenant.changedIds(0, 3)).toEqual([added.id, first?.id, second?.id].sort());
    expect(tenant.changedIds(1, 3)).toEqual([first?.id, second?.id].sort());
    expect(tenant.stateOf(second?.id ?? '')).toEqual({ kind: 'removed', id: second?.id, reason: 'changed', seq: 3 });
    expect(tenant.stateOf(first?.id ?? '')).toMatchObject({ kind: 'live', seq: 2 });
  });

  it('makes a plausible change when update gets no patch', () => {
    const tenant = new Tenant({ contacts: 20, seed: 1 });
    const before = tenant.list()[3];
    const after = tenant.update(before?.id ?? '');
    expect(after).not.toEqual(before);
    expect(after.id).toBe(before?.id);
  });

  it('hands out frozen objects so callers cannot change the directory behind its back', () => {
    const tenant = new Tenant({ contacts: 5, seed: 1 });
    const contact = tenant.list()[0];
    expect(() => {
      (contact as { jobTitle: string | null }).jobTitle = 'x';
    }).toThrow(TypeError);
  });

  it('throws ContactNotFoundError for unknown ids', () => {
    const tenant = new Tenant({ contacts: 5, seed: 1 });
    expect(() => tenant.update('00000000-0000-4000-8000-000000000000', {})).toThrow(ContactNotFoundError);
    expect(() => tenant.remove('00000000-0000-4000-8000-000000000000')).toThrow(ContactNotFoundError);
  });

  it('pages by id with pageAfter', () => {
    const tenant = new Tenant({ contacts: 30, seed: 2 });
    const all = tenant.list().map((c) => c.id);
    const first = tenant.pageAfter(undefined, 10);
    expect(first.items.map((c) => c.id)).toEqual(all.slice(0, 10));
    expect(first.more).toBe(true);
    const last = tenant.pageAfter(all[19], 10);
    expect(last.items.map((c) => c.id)).toEqual(all.slice(20));
    expect(last.more).toBe(false);
  });
});
