import { goToLower } from './go-text.ts';
import type { Mount, MountType } from './types.ts';

const MOUNT_TYPES = new Set<MountType>(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const SHARING = new Set(['shared', 'private', 'locked']);
const KEYS = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'mode', 'uid',
  'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'size', 'env',
];

/** Go's `encoding/csv` reading one record with the default settings. */
export function splitCsvRecord(value: string): { fields: string[] } | { error: string } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (value[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= value.length) return { error: 'extraneous or missing " in quoted-field' };
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') return { error: 'extraneous or missing " in quoted-field' };
      fields.push(field);
    } else {
      let end = value.indexOf(',', i);
      if (end < 0) end = value.length;
      const field = value.slice(i, end);
      if (field.includes('"')) return { error: 'bare " in non-quoted-field' };
      fields.push(field);
      i = end;
    }
    if (i >= value.length) return { fields };
    i++; // the comma
  }
}

function parseBool(v: string): boolean | null {
  // Go's strconv.ParseBool.
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

function parseUint(v: string, radix: 8 | 10): number | null {
  const digits = radix === 8 ? /^[0-7]+$/ : /^\d+$/;
  if (!digits.test(v)) return null;
  const n = Number.parseInt(v, radix);
  return n <= 0xffffffff ? n : null;
}

/**
 * BuildKit's `parseMount` for one `--mount` value. Values holding a variable are kept as
 * written and not validated: BuildKit expands them first, with the stage's build arguments.
 */
export function parseMount(value: string, range: Mount['range']): { mount: Mount } | { error: string } {
  const record = splitCsvRecord(value);
  if ('error' in record) return { error: `failed to parse csv mounts: ${record.error}` };
  const m: Mount = {
    type: 'bind', target: null, source: null, from: null, id: null, sharing: null,
    readOnly: true, required: false, mode: null, uid: null, gid: null, size: null, env: null, range,
  };
  let roAuto = true;
  for (const field of record.fields) {
    const eq = field.indexOf('=');
    const key = goToLower(eq < 0 ? field : field.slice(0, eq));
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro' || key === 'readwrite' || key === 'rw') {
        m.readOnly = key === 'readonly' || key === 'ro';
        roAuto = false;
        continue;
      }
      if (key === 'required') {
        if (m.type === 'secret' || m.type === 'ssh') {
          m.required = true;
          continue;
        }
        return { error: `unexpected key '${key}' for mount type '${m.type}'` };
      }
      return { error: `invalid field '${field}' must be a key=value pair` };
    }
    const v = field.slice(eq + 1);
    const deferred = v.includes('$');
    switch (key) {
      case 'type': {
        const t = goToLower(v);
        if (!deferred && !MOUNT_TYPES.has(t as MountType)) return { error: `unsupported mount type "${v}"` };
        m.type = t as MountType;
        break;
      }
      case 'from':
        if (/\$./.test(v)) return { error: `'${key}' doesn't support variable expansion, define alias stage instead` };
        m.from = v;
        break;
      case 'source':
      case 'src':
        m.source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = v;
        break;
      case 'readonly':
      case 'ro':
      case 'readwrite':
      case 'rw': {
        const b = parseBool(v);
        if (b === null) {
          if (deferred) break;
          return { error: `invalid value for ${key}: ${v}` };
        }
        m.readOnly = key === 'readonly' || key === 'ro' ? b : !b;
        roAuto = false;
        break;
      }
      case 'required': {
        if (m.type !== 'secret' && m.type !== 'ssh') return { error: `unexpected key '${key}' for mount type '${m.type}'` };
        const b = parseBool(v);
        if (b === null && !deferred) return { error: `invalid value for ${key}: ${v}` };
        m.required = b ?? false;
        break;
      }
      case 'id':
        m.id = v;
        break;
      case 'sharing': {
        const s = goToLower(v);
        if (!deferred && !SHARING.has(s)) return { error: `unsupported sharing value "${v}"` };
        m.sharing = s as Mount['sharing'];
        break;
      }
      case 'mode':
      case 'uid':
      case 'gid': {
        const n = parseUint(v, key === 'mode' ? 8 : 10);
        if (n === null) {
          if (deferred) break;
          return { error: `invalid value ${v} for ${key}` };
        }
        m[key] = n;
        break;
      }
      case 'size':
        m.size = v;
        break;
      case 'env':
        m.env = v;
        break;
      default: {
        const close = KEYS.find((k) => k.startsWith(key.slice(0, 3)) && key.length > 2);
        return { error: `unexpected key '${key}' in '${field}'${close ? ` (did you mean ${close}?)` : ''}` };
      }
    }
  }
  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  for (const k of ['mode', 'uid', 'gid'] as const) {
    if (m[k] !== null && !fileInfoAllowed) return { error: `${k} not allowed for "${m.type}" type mounts` };
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.sharing !== null && m.type !== 'cache') return { error: `invalid cache sharing set for ${m.type} mount` };
  if (m.type === 'secret') {
    if (m.from !== null) return { error: 'secret mount should not have a from' };
    if (m.source === null && m.target === null && m.id === null && m.env === null) {
      return { error: 'invalid secret mount. one of source, target required' };
    }
    if (m.source !== null && m.id !== null) return { error: "both source and id can't be set" };
  }
  return { mount: m };
}
