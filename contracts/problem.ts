/** RFC 9457 problem details, as every API error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Stable, machine-readable; clients branch on this, never on `title` or `detail`. */
  code: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}
