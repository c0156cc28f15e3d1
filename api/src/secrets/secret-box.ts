import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const VERSION = 'v2';
const LEGACY_VERSION = 'v1';

/**
 * Encrypts client secrets at rest with AES-256-GCM under a key ring: the first key seals, every
 * key opens. The stored form is `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url), so a rotated
 * key ring knows which key opens a secret and which secrets still need resealing. The key id is
 * a hash prefix of the key: it names the key without revealing it.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  private constructor(private readonly keys: readonly Buffer[]) {
    this.byId = new Map(keys.map((k) => [keyId(k), k]));
  }

  /** Base64 keys of 32 bytes, the sealing key first, then keys being rotated out. */
  static fromBase64(...keys: string[]): SecretBox {
    if (keys.length === 0) throw new Error('SECRET_KEY must name at least one key');
    return new SecretBox(
      keys.map((key) => {
        const bytes = Buffer.from(key.trim(), 'base64');
        if (bytes.length !== 32) throw new Error('SECRET_KEY must be 32 bytes, base64-encoded (comma-separated when rotating)');
        return bytes;
      }),
    );
  }

  /**
   * Reads the key file, one base64 key per line, the sealing key first (see
   * `npm run secret-key:rotate`); creates it (mode 0600) with a fresh key on first start.
   */
  static fromFile(path: string): SecretBox {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${newKey()}\n`, { mode: 0o600, flag: 'wx' });
    }
    return SecretBox.fromBase64(...keyLines(readFileSync(path, 'utf8')));
  }

  seal(plaintext: string): string {
    const key = this.sealingKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId(key), ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'))].join('.');
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts[0] === LEGACY_VERSION && parts.length === 4) return this.openLegacy(parts);
    const [version, id, ...rest] = parts;
    const key = id === undefined ? undefined : this.byId.get(id);
    if (version !== VERSION || !key || rest.length !== 3) throw new Error('unrecognised sealed secret, or sealed under a key no longer configured');
    return decrypt(key, rest);
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, written before keys had ids: whichever key opens it. */
  private openLegacy([, ...rest]: string[]): string {
    for (const key of this.keys) {
      try {
        return decrypt(key, rest);
      } catch {
        // the next key, then give up
      }
    }
    throw new Error('sealed secret opens with none of the configured keys');
  }

  /** Sealed under a key other than the sealing key: to be resealed after a rotation. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== keyId(this.sealingKey());
  }

  private sealingKey(): Buffer {
    const [key] = this.keys;
    if (!key) throw new Error('no sealing key');
    return key;
  }
}

export function newKey(): string {
  return randomBytes(32).toString('base64');
}

export function keyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

function decrypt(key: Buffer, [iv = '', tag = '', data = '']: string[]): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 10);
}
