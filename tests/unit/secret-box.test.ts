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
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('refuses to open with another key', () => {
    const sealed = SecretBox.fromBase64(key).seal('value');
    expect(() => SecretBox.fromBase64(Buffer.alloc(32, 8).toString('base64')).open(sealed)).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => SecretBox.fromBase64(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
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
