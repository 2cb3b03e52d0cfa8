// A small $filter evaluator: comparisons, startswith, and/or/not and parentheses, with OData literals.
import { badRequest } from './graphError';

type Value = string | number | boolean | null;

/** Deeper nesting than any real filter needs; past it the answer is a 400, not a stack overflow. */
const MAX_DEPTH = 100;
type Predicate = (item: Record<string, unknown>) => boolean;

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\()|(\))|(,)|([A-Za-z_][A-Za-z0-9_]*)|(-?\d+(?:\.\d+)?))/y;

const END = /\s*$/y;

interface Token { kind: 'string' | 'open' | 'close' | 'comma' | 'word' | 'number'; text: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    END.lastIndex = TOKEN.lastIndex;
    if (END.test(text)) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw badRequest(`Invalid filter clause: syntax error at position ${at} in '${text}'.`);
    const kinds: Token['kind'][] = ['string', 'open', 'close', 'comma', 'word', 'number'];
    const index = m.slice(1).findIndex((g) => g !== undefined);
    tokens.push({ kind: kinds[index], text: m[index + 1] });
  }
  return tokens;
}

/** Parses `$filter` against a set of filterable property names; unknown names are refused. */
export function parseFilter(text: string, properties: ReadonlySet<string>): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const fail = (): never => { throw badRequest(`Invalid filter clause: '${text}'.`); };
  const expectKind = (kind: Token['kind']) => (peek()?.kind === kind ? next() : fail());

  const property = (): string => {
    const t = expectKind('word');
    if (!properties.has(t.text)) throw badRequest(`Invalid filter clause: property '${t.text}' is not supported.`);
    return t.text;
  };
  const literal = (): Value => {
    const t = next() ?? fail();
    if (t.kind === 'string') return t.text.slice(1, -1).replace(/''/g, "'");
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'word' && (t.text === 'true' || t.text === 'false')) return t.text === 'true';
    if (t.kind === 'word' && t.text === 'null') return null;
    return fail();
  };
  let depth = 0;
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw badRequest(`Invalid filter clause: nested more than ${MAX_DEPTH} levels deep.`);
    const result = parse();
    depth--;
    return result;
  };
  const primary = (): Predicate => {
    const t = peek() ?? fail();
    if (t.kind === 'open') {
      next();
      const inner = nested(or);
      expectKind('close');
      return inner;
    }
    if (t.kind === 'word' && t.text === 'not') {
      next();
      const inner = nested(primary);
      return (item) => !inner(item);
    }
    if (t.kind === 'word' && (t.text === 'startswith' || t.text === 'endswith') && tokens[pos + 1]?.kind === 'open') {
      next();
      expectKind('open');
      const name = property();
      expectKind('comma');
      const value = literal();
      expectKind('close');
      if (typeof value !== 'string') fail();
      const needle = String(value).toLowerCase();
      return t.text === 'startswith'
        ? (item) => String(item[name] ?? '').toLowerCase().startsWith(needle)
        : (item) => String(item[name] ?? '').toLowerCase().endsWith(needle);
    }
    const name = property();
    const op = expectKind('word').text;
    const value = literal();
    const compare = (a: unknown) => (typeof a === 'string' && typeof value === 'string' ? a.toLowerCase() === value.toLowerCase() : a === value);
    if (op === 'eq') return (item) => compare(item[name] ?? null);
    if (op === 'ne') return (item) => !compare(item[name] ?? null);
    throw badRequest(`Invalid filter clause: operator '${op}' is not supported.`);
  };
  const and = (): Predicate => {
    let left = primary();
    while (peek()?.kind === 'word' && peek().text === 'and') {
      next();
      const l = left, r = primary();
      left = (item) => l(item) && r(item);
    }
    return left;
  };
  function or(): Predicate {
    let left = and();
    while (peek()?.kind === 'word' && peek().text === 'or') {
      next();
      const l = left, r = and();
      left = (item) => l(item) || r(item);
    }
    return left;
  }
  const predicate = or();
  if (pos !== tokens.length) fail();
  return predicate;
}
