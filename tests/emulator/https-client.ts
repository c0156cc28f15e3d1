// A tiny HTTPS client for tests: node:https with the emulator's certificate as the only CA,
// since global fetch cannot be told to trust a certificate in-process without undici.

import { request } from 'node:https';
import { readFileSync } from 'node:fs';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = unknown>(): T;
}

export interface HttpClient {
  request(method: string, url: string, options?: { headers?: Record<string, string>; body?: string }): Promise<HttpResponse>;
  get(url: string, headers?: Record<string, string>): Promise<HttpResponse>;
  postForm(url: string, form: Record<string, string>): Promise<HttpResponse>;
}

export function httpsClient(certPath: string): HttpClient {
  const ca = readFileSync(certPath, 'utf8');
  const send: HttpClient['request'] = (method, url, options = {}) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, ca, headers: options.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  return {
    request: send,
    get: (url, headers) => send('GET', url, { headers }),
    postForm: (url, form) =>
      send('POST', url, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
  };
}
