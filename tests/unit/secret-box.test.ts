import { createCipheriv } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../api/src/secrets/secret-box.ts';

const key = Buffer.alloc(32, 7).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, and never stores the plaintext', () => {
    const box = SecretBox.fromBase64(key);
    const sealed = box.seal('s3cr3t~value');
    expect(sealed).not.toContain('s3cr3t');
    expect(box.open(sealed)).toBe('s3cr3t~value');
  });

  it('uses a fresh nonce per seal', () => {
    const box = SecretBox.fromBase64(key);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered ciphertext', () => {
    const box = SecretBox.fromBase64(key);
    const parts = box.seal('value').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('refuses to open with another key', () => {
    const sealed = SecretBox.fromBase64(key).seal('value');
    expect(() => SecretBox.fromBase64(Buffer.alloc(32, 8).toString('base64')).open(sealed)).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => SecretBox.fromBase64(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('seals with the first key of a ring and opens with any; what the old key sealed is stale', () => {
    const older = Buffer.alloc(32, 1).toString('base64');
    const sealedBefore = SecretBox.fromBase64(older).seal('value');
    const ring = SecretBox.fromBase64(key, older);
    expect(ring.open(sealedBefore)).toBe('value');
    expect(ring.isStale(sealedBefore)).toBe(true);
    const resealed = ring.seal('value');
    expect(ring.isStale(resealed)).toBe(false);
    // Once the old key is gone, only what was resealed opens.
    const pruned = SecretBox.fromBase64(key);
    expect(pruned.open(resealed)).toBe('value');
    expect(() => pruned.open(sealedBefore)).toThrow(/key/);
  });

  it('opens the first format (no key id) with whichever key of the ring fits, and calls it stale', () => {
    const older = Buffer.alloc(32, 1);
    const iv = Buffer.alloc(12, 3);
    const cipher = createCipheriv('aes-256-gcm', older, iv);
    const data = Buffer.concat([cipher.update('legacy', 'utf8'), cipher.final()]);
    const legacy = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    const ring = SecretBox.fromBase64(key, older.toString('base64'));
    expect(ring.open(legacy)).toBe('legacy');
    expect(ring.isStale(legacy)).toBe(true);
    expect(() => SecretBox.fromBase64(key).open(legacy)).toThrow();
  });

  it('creates its key file once, readable by the owner only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-')), 'nested', 'secret.key');
    const sealed = SecretBox.fromFile(file).seal('value');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const firstKey = readFileSync(file, 'utf8');
    expect(SecretBox.fromFile(file).open(sealed)).toBe('value');
    expect(readFileSync(file, 'utf8')).toBe(firstKey);
  });
});
