// `$filter` on directory collections: a small, real OData subset, enough to read a tenant in
// partitions, look an app up by appId, and match names as a picker types them.
//
//   expr       := or
//   or         := and ('or' and)*
//   and        := unary ('and' unary)*
//   unary      := 'not' unary | primary
//   primary    := '(' expr ')' | startsWith '(' prop ',' string ')'
//               | prop ('eq'|'ne') (string|null|true|false) | prop ('ge'|'le') string | prop 'in' '(' string (',' string)* ')'
//   string     := '...' with '' for a quote
//
// Semantics: comparisons are case-insensitive ordinal (both sides lower-cased, then compared by
// UTF-16 code units). OData's three-valued logic is simplified to two values: a comparison with
// a null property is false (`ge`, `le`, `eq 'x'`, `in`, startsWith), except `eq null` (true) and
// `ne 'x'` (true); `not` negates the boolean. So `not(displayName ge 'm')` includes contacts
// whose displayName is null, and the partitions
//   not(p ge b1) | p ge b1 and not(p ge b2) | ... | p ge bn
// cover every contact exactly once. `ne`, `not`, `ge` and `le` are advanced queries: they need
// `ConsistencyLevel: eventual`, as in Graph. Keywords and property names are case-insensitive.

import { GraphError } from './graph-response.ts';

/** An entity type as `$filter` sees it. */
export interface FilterableType {
  /** `microsoft.graph.orgContact` */
  name: string;
  /** `OrgContact`, as Graph names the resource in filter errors. */
  resource: string;
  properties: readonly string[];
  /** The properties a filter may compare, by kind. */
  filterable: Readonly<Record<string, 'string' | 'boolean'>>;
}

export interface CompiledFilter {
  /** The filter text as given; carried by skiptokens. */
  text: string;
  test(item: object): boolean;
  /** Advanced-query operators used (`ne`, `not`, `ge`, `le`), in first-use order. */
  advanced: string[];
}

type Token = { kind: 'word'; value: string; at: number } | { kind: 'string'; value: string; at: number } | { kind: 'punct'; value: '(' | ')' | ','; at: number };

function unsupported(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch, at: i });
      i += 1;
    } else if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw unsupported(`Invalid filter clause: unterminated string literal at position ${i}.`);
        const c = text[j] as string;
        if (c === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += c;
        j += 1;
      }
      tokens.push({ kind: 'string', value, at: i });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j] as string)) j += 1;
      tokens.push({ kind: 'word', value: text.slice(i, j), at: i });
      i = j;
    } else {
      throw unsupported(`Invalid filter clause: syntax error at position ${i} in '${text}'.`);
    }
  }
  return tokens;
}

type Predicate = (item: object) => boolean;

/** The filter reads objects by property name; Graph's JSON and the emulator's models alike. */
function read(item: object, prop: string): unknown {
  return (item as Record<string, unknown>)[prop];
}

function lowered(item: object, prop: string): string | null {
  const v = read(item, prop);
  return typeof v === 'string' ? v.toLowerCase() : null;
}

class Parser {
  private pos = 0;
  readonly advanced: string[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly type: FilterableType,
  ) {}

  parse(): Predicate {
    if (this.tokens.length === 0) throw unsupported('Invalid filter clause: the filter is empty.');
    const predicate = this.or();
    const rest = this.tokens[this.pos];
    if (rest) throw this.syntax(rest);
    return predicate;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.value.toLowerCase() === word;
  }

  private syntax(token: Token | undefined): GraphError {
    return token
      ? unsupported(`Invalid filter clause: syntax error at position ${token.at} in '${this.text}'.`)
      : unsupported(`Invalid filter clause: unexpected end of '${this.text}'.`);
  }

  private expect(value: '(' | ')' | ','): void {
    const token = this.tokens[this.pos];
    if (token?.kind !== 'punct' || token.value !== value) throw this.syntax(token);
    this.pos += 1;
  }

  private note(operator: string): void {
    if (!this.advanced.includes(operator)) this.advanced.push(operator);
  }

  private or(): Predicate {
    const parts = [this.and()];
    while (this.isWord(this.peek(), 'or')) {
      this.pos += 1;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (c) => parts.some((p) => p(c));
  }

  private and(): Predicate {
    const parts = [this.unary()];
    while (this.isWord(this.peek(), 'and')) {
      this.pos += 1;
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Predicate) : (c) => parts.every((p) => p(c));
  }

  private unary(): Predicate {
    if (this.isWord(this.peek(), 'not')) {
      this.pos += 1;
      this.note('not');
      const inner = this.unary();
      return (c) => !inner(c);
    }
    return this.primary();
  }

  private property(): { name: string; kind: 'string' | 'boolean' } {
    const token = this.tokens[this.pos];
    if (token?.kind !== 'word') throw this.syntax(token);
    const name = this.type.properties.find((p) => p.toLowerCase() === token.value.toLowerCase());
    if (!name) throw new GraphError(400, 'Request_BadRequest', `Could not find a property named '${token.value}' on type '${this.type.name}'.`);
    const kind = this.type.filterable[name];
    if (!kind) throw unsupported(`Unsupported or invalid query filter clause specified for property '${name}' of resource '${this.type.resource}'.`);
    this.pos += 1;
    return { name, kind };
  }

  private stringProperty(): string {
    const at = this.tokens[this.pos]?.at ?? 0;
    const { name, kind } = this.property();
    if (kind !== 'string') throw unsupported(`Invalid filter clause: property '${name}' at position ${at} is not a string.`);
    return name;
  }

  private stringLiteral(): string {
    const token = this.tokens[this.pos];
    if (token?.kind !== 'string') throw this.syntax(token);
    this.pos += 1;
    return token.value;
  }

  private primary(): Predicate {
    const token = this.peek();
    if (token?.kind === 'punct' && token.value === '(') {
      this.pos += 1;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (this.isWord(token, 'startswith') && this.tokens[this.pos + 1]?.kind === 'punct' && this.tokens[this.pos + 1]?.value === '(') {
      this.pos += 2;
      const prop = this.stringProperty();
      this.expect(',');
      const prefix = this.stringLiteral().toLowerCase();
      this.expect(')');
      return (c) => lowered(c, prop)?.startsWith(prefix) === true;
    }
    const next = this.tokens[this.pos + 1];
    if (token?.kind === 'word' && next?.kind === 'punct' && next.value === '(') {
      throw unsupported(`Unsupported function '${token.value}' in filter clause '${this.text}'.`);
    }
    const { name: prop, kind } = this.property();
    const op = this.peek();
    if (op?.kind !== 'word') throw this.syntax(op);
    const name = op.value.toLowerCase();
    this.pos += 1;
    if (kind === 'boolean' && name !== 'eq' && name !== 'ne') throw unsupported(`Unsupported query operator '${op.value}' for boolean property '${prop}'.`);
    switch (name) {
      case 'eq':
      case 'ne': {
        if (name === 'ne') this.note('ne');
        const eq = kind === 'boolean' ? this.booleanEquals(prop) : this.stringEquals(prop);
        return name === 'eq' ? eq : (c) => !eq(c);
      }
      case 'ge':
      case 'le': {
        this.note(name);
        const bound = this.stringLiteral().toLowerCase();
        return name === 'ge'
          ? (c) => {
              const v = lowered(c, prop);
              return v !== null && v >= bound;
            }
          : (c) => {
              const v = lowered(c, prop);
              return v !== null && v <= bound;
            };
      }
      case 'in': {
        this.expect('(');
        const values = new Set([this.stringLiteral().toLowerCase()]);
        while (this.peek()?.kind === 'punct' && this.peek()?.value === ',') {
          this.pos += 1;
          values.add(this.stringLiteral().toLowerCase());
        }
        this.expect(')');
        return (c) => {
          const v = lowered(c, prop);
          return v !== null && values.has(v);
        };
      }
      default:
        throw unsupported(`Unsupported query operator '${op.value}' in filter clause '${this.text}'.`);
    }
  }

  private stringEquals(prop: string): Predicate {
    if (this.isWord(this.peek(), 'null')) {
      this.pos += 1;
      return (c) => read(c, prop) === null;
    }
    const value = this.stringLiteral().toLowerCase();
    return (c) => lowered(c, prop) === value;
  }

  private booleanEquals(prop: string): Predicate {
    const token = this.peek();
    if (!this.isWord(token, 'true') && !this.isWord(token, 'false')) throw this.syntax(token);
    this.pos += 1;
    const value = this.isWord(token, 'true');
    return (c) => read(c, prop) === value;
  }
}

const cache = new Map<string, CompiledFilter>();

/** Parses and compiles `$filter` for one entity type; throws a GraphError (400) for anything outside the subset. */
export function parseFilter(text: string, type: FilterableType): CompiledFilter {
  const key = `${type.name}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parser = new Parser(tokenize(text), text, type);
  const test = parser.parse();
  const compiled: CompiledFilter = { text, test, advanced: parser.advanced };
  if (cache.size >= 256) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}
