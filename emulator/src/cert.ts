// The TLS identity. Graph clients only treat https URLs as Graph, so the emulator must speak
// TLS with a certificate the developer can trust once (NODE_EXTRA_CA_CERTS) and keep reusing.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import selfsigned from 'selfsigned';

export const CERT_FILE = 'emulator-cert.pem';
export const KEY_FILE = 'emulator-key.pem';

export interface TlsIdentity {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

const DAY_MS = 86_400_000;

export async function loadOrCreateCertificate(dataDir: string): Promise<TlsIdentity> {
  const certPath = join(dataDir, CERT_FILE);
  const keyPath = join(dataDir, KEY_FILE);
  const existing = await readPair(certPath, keyPath);
  if (existing && isUsable(existing.cert, existing.key)) return { ...existing, certPath, keyPath };

  await mkdir(dataDir, { recursive: true });
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  // Write beside and rename, so a concurrent reader never sees half a file.
  const suffix = `.${process.pid}.tmp`;
  await writeFile(keyPath + suffix, pems.private, { mode: 0o600 });
  await writeFile(certPath + suffix, pems.cert);
  await rename(keyPath + suffix, keyPath);
  await rename(certPath + suffix, certPath);
  return { cert: pems.cert, key: pems.private, certPath, keyPath };
}

async function readPair(certPath: string, keyPath: string): Promise<{ cert: string; key: string } | undefined> {
  try {
    return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
  } catch {
    return undefined;
  }
}

/** An expired, mismatched or localhost-less certificate is replaced instead of served. */
function isUsable(certPem: string, keyPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const validTo = Date.parse(cert.validTo);
    const san = cert.subjectAltName ?? '';
    return (
      validTo - Date.now() > DAY_MS &&
      san.includes('DNS:localhost') &&
      san.includes('IP Address:127.0.0.1') &&
      cert.checkPrivateKey(createPrivateKey(keyPem))
    );
  } catch {
    return false;
  }
}
