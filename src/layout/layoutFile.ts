// A `*.connectorgroups.json` file: a tenant's connector groups as code. Read with positions, so
// every problem can be pointed at in the editor, and checked by hand: the text may be anything.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { l10n } from '../shared/l10n';
import { isGuid, validateGroupName } from '../shared/validation';

export const LAYOUT_SUFFIX = '.connectorgroups.json';

export interface LayoutItem {
  id: string;
  /** Shown for people (a connector's machine name, an application's display name); never used to match. */
  label?: string;
}

export interface LayoutGroup {
  /** Absent for a group the file creates (or one matched by its name). */
  id?: string;
  name: string;
  region?: string;
  isDefault?: boolean;
  /** Absent: the file says nothing about this group's connectors. */
  connectors?: LayoutItem[];
  applications?: LayoutItem[];
  /** The group its applications go to on an outage (Fail Over…); a declaration, never a step of a plan. */
  failover?: { to: string };
}

export interface Layout {
  tenant: { id: string; displayName?: string };
  /** When true, groups the file leaves out are deleted and items it leaves out go to the default group. */
  prune: boolean;
  connectorGroups: LayoutGroup[];
}

/** Where in the text something is, as offsets (the editor turns them into ranges). */
export interface TextSpan {
  offset: number;
  length: number;
}

export interface LayoutProblem {
  message: string;
  span: TextSpan;
}

/** Where each id of the file is written, for diagnostics once the tenant is known. */
export interface IdSpans {
  groups: Map<string, TextSpan>;
  connectors: Map<string, TextSpan[]>;
  applications: Map<string, TextSpan[]>;
  /** Each group's region as written, with the group's id when it has one. */
  regions: { groupId?: string; region: string; span: TextSpan }[];
  /** Each fail-over group as written. */
  failovers: { to: string; span: TextSpan }[];
}

export type ReadLayout =
  | { ok: true; layout: Layout; spans: IdSpans }
  | { ok: false; problems: LayoutProblem[] };

const spanOf = (node: Node): TextSpan => ({ offset: node.offset, length: node.length });

function property(node: Node | undefined, key: string): Node | undefined {
  return node?.type === 'object'
    ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1]
    : undefined;
}

function keysOf(node: Node): { key: string; node: Node }[] {
  return (node.children ?? []).map((p) => ({ key: String(p.children?.[0]?.value), node: p.children![0] }));
}

class Reader {
  readonly problems: LayoutProblem[] = [];
  readonly spans: IdSpans = { groups: new Map(), connectors: new Map(), applications: new Map(), regions: [], failovers: [] };

  fail(node: Node, message: string): undefined {
    this.problems.push({ message, span: spanOf(node) });
    return undefined;
  }

  /**
   * Properties this object may have; any other is a problem (a typo must not be silently ignored),
   * and so is one written twice: this reader would take the first, JSON.parse and most viewers the
   * last, so the file would read one way to a person and another to the planner.
   */
  known(node: Node, allowed: string[], what: string): void {
    const seen = new Set<string>();
    for (const { key, node: keyNode } of keysOf(node)) {
      if (!allowed.includes(key)) this.fail(keyNode, l10n.t("'{0}' is not a property of {1} (expected one of {2}).", key, what, allowed.join(', ')));
      else if (seen.has(key)) this.fail(keyNode, l10n.t("'{0}' is written twice in {1}: keep one, so the file means one thing.", key, what));
      seen.add(key);
    }
  }

  string(node: Node | undefined, where: Node, what: string, required: boolean): string | undefined {
    if (node === undefined) return required ? this.fail(where, l10n.t('{0} is missing.', what)) : undefined;
    if (node.type !== 'string') return this.fail(node, l10n.t('{0} must be text.', what));
    return node.value as string;
  }

  id(node: Node | undefined, where: Node, what: string, required: boolean): string | undefined {
    const value = this.string(node, where, what, required);
    if (value === undefined) return undefined;
    if (!isGuid(value)) return this.fail(node!, l10n.t('{0} must be a GUID like 00000000-0000-0000-0000-000000000000.', what));
    return value.toLowerCase();
  }

  items(node: Node | undefined, kind: 'connectors' | 'applications'): LayoutItem[] | undefined {
    if (node === undefined) return undefined;
    if (node.type !== 'array') return this.fail(node, l10n.t("'{0}' must be a list.", kind));
    const labelKey = kind === 'connectors' ? 'machineName' : 'displayName';
    const what = kind === 'connectors' ? l10n.t('A connector') : l10n.t('An application');
    const items: LayoutItem[] = [];
    for (const entry of node.children ?? []) {
      if (entry.type !== 'object') {
        this.fail(entry, l10n.t('{0} is written as {"id": "…"}.', what));
        continue;
      }
      this.known(entry, ['id', labelKey], what.toLowerCase());
      const idNode = property(entry, 'id');
      const id = this.id(idNode, entry, l10n.t("{0}'s id", what), true);
      const label = this.string(property(entry, labelKey), entry, `'${labelKey}'`, false);
      if (id === undefined) continue;
      const spans = this.spans[kind].get(id) ?? [];
      spans.push(spanOf(idNode!));
      this.spans[kind].set(id, spans);
      items.push(label === undefined ? { id } : { id, label });
    }
    return items;
  }

  group(node: Node): LayoutGroup | undefined {
    if (node.type !== 'object') return this.fail(node, l10n.t('A connector group is written as {"name": "…", …}.'));
    this.known(node, ['id', 'name', 'region', 'isDefault', 'connectors', 'applications', 'failover'], l10n.t('a connector group'));
    const idNode = property(node, 'id');
    const id = this.id(idNode, node, l10n.t("A group's id"), false);
    const nameNode = property(node, 'name');
    const rawName = this.string(nameNode, node, l10n.t("A group's name"), true);
    let name: string | undefined;
    if (rawName !== undefined) {
      const checked = validateGroupName(rawName);
      if (checked.ok) name = checked.value;
      else this.fail(nameNode!, checked.message);
    }
    const regionNode = property(node, 'region');
    const region = this.string(regionNode, node, "'region'", false);
    const defaultNode = property(node, 'isDefault');
    if (defaultNode && defaultNode.type !== 'boolean') this.fail(defaultNode, l10n.t("'isDefault' must be true or false."));
    const connectors = this.items(property(node, 'connectors'), 'connectors');
    const applications = this.items(property(node, 'applications'), 'applications');
    const failover = this.failover(property(node, 'failover'), id);
    if (name === undefined) return undefined;
    if (id !== undefined) this.spans.groups.set(id, spanOf(idNode!));
    if (region !== undefined) this.spans.regions.push({ ...(id !== undefined ? { groupId: id } : {}), region, span: spanOf(regionNode!) });
    const group: LayoutGroup = { name };
    if (id !== undefined) group.id = id;
    if (region !== undefined) group.region = region;
    if (defaultNode?.type === 'boolean') group.isDefault = defaultNode.value as boolean;
    if (connectors) group.connectors = connectors;
    if (applications) group.applications = applications;
    if (failover) group.failover = failover;
    return group;
  }

  failover(node: Node | undefined, groupId: string | undefined): { to: string } | undefined {
    if (node === undefined) return undefined;
    if (node.type !== 'object') return this.fail(node, l10n.t("'failover' is written as {\"to\": \"<id of the group to fail over to>\"}."));
    this.known(node, ['to'], "'failover'");
    const toNode = property(node, 'to');
    const to = this.id(toNode, node, l10n.t('The fail-over group'), true);
    if (to === undefined) return undefined;
    if (to === groupId) return this.fail(toNode!, l10n.t('A group cannot fail over to itself: name its disaster-recovery group.'));
    this.spans.failovers.push({ to, span: spanOf(toNode!) });
    return { to };
  }
}

/** A layout nests four deep; a file much deeper is not one, and the JSON parser recurses on it. */
const MAX_DEPTH = 32;
/** Problems reported at once: a broken file of megabytes must not become a million markers. */
export const MAX_PROBLEMS = 200;

/** How deep lists and objects nest, or MAX_DEPTH + 1 as soon as it is deeper (one pass, strings skipped). */
function nesting(text: string): { depth: number; at: number } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      // Comments are text too (a layout may have them).
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > MAX_DEPTH) return { depth: deepest, at: i };
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return { depth: deepest, at: 0 };
}

/** At most MAX_PROBLEMS, and a last one saying how many more there are. */
function bounded(problems: LayoutProblem[]): LayoutProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), {
    message: l10n.t('… and {0} more problems: the first {1} are marked.', problems.length - MAX_PROBLEMS, MAX_PROBLEMS),
    span: { offset: 0, length: 0 },
  }];
}

/** Reads a layout from its text; every problem is reported (up to MAX_PROBLEMS), not just the first. */
export function readLayout(text: string): ReadLayout {
  const read = readUnbounded(text);
  return read.ok ? read : { ok: false, problems: bounded(read.problems) };
}

function readUnbounded(text: string): ReadLayout {
  const deep = nesting(text);
  if (deep.depth > MAX_DEPTH) {
    return { ok: false, problems: [{ message: l10n.t('Lists and objects nest more than {0} deep here: a layout nests four deep, so this is not one.', MAX_DEPTH), span: { offset: deep.at, length: 1 } }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => ({ message: l10n.t('The file is not valid JSON ({0}).', printParseErrorCode(e.error)), span: { offset: e.offset, length: e.length } }));
    return { ok: false, problems: problems.length ? problems : [{ message: l10n.t('The file is empty.'), span: { offset: 0, length: 0 } }] };
  }
  const reader = new Reader();
  if (root.type !== 'object') return { ok: false, problems: [{ message: l10n.t('A layout is a JSON object with "tenant" and "connectorGroups".'), span: spanOf(root) }] };
  reader.known(root, ['$schema', 'tenant', 'prune', 'connectorGroups'], l10n.t('a layout'));
  const tenantNode = property(root, 'tenant');
  let tenant: Layout['tenant'] | undefined;
  if (!tenantNode) reader.fail(root, l10n.t("'tenant' is missing: the layout must say which tenant it is for."));
  else if (tenantNode.type !== 'object') reader.fail(tenantNode, l10n.t("'tenant' is written as {\"id\": \"…\"}."));
  else {
    reader.known(tenantNode, ['id', 'displayName'], l10n.t('the tenant'));
    const id = reader.id(property(tenantNode, 'id'), tenantNode, l10n.t("The tenant's id"), true);
    const displayName = reader.string(property(tenantNode, 'displayName'), tenantNode, "'displayName'", false);
    if (id !== undefined) tenant = displayName === undefined ? { id } : { id, displayName };
  }
  const pruneNode = property(root, 'prune');
  if (pruneNode && pruneNode.type !== 'boolean') reader.fail(pruneNode, l10n.t("'prune' must be true or false."));
  const groupsNode = property(root, 'connectorGroups');
  const groups: LayoutGroup[] = [];
  if (!groupsNode) reader.fail(root, l10n.t("'connectorGroups' is missing."));
  else if (groupsNode.type !== 'array') reader.fail(groupsNode, l10n.t("'connectorGroups' must be a list."));
  else {
    for (const entry of groupsNode.children ?? []) {
      const group = reader.group(entry);
      if (group) groups.push(group);
    }
  }
  if (reader.problems.length > 0 || !tenant) return { ok: false, problems: reader.problems };
  return { ok: true, layout: { tenant, prune: pruneNode?.value === true, connectorGroups: groups }, spans: reader.spans };
}

/** The text of a layout as the extension writes it: stable order, two-space indent, a final newline. */
export function writeLayout(layout: Layout): string {
  const groups = layout.connectorGroups.map((g) => ({
    ...(g.id ? { id: g.id } : {}),
    name: g.name,
    ...(g.region !== undefined ? { region: g.region } : {}),
    ...(g.isDefault ? { isDefault: true } : {}),
    ...(g.connectors ? { connectors: g.connectors.map((c) => ({ id: c.id, ...(c.label !== undefined ? { machineName: c.label } : {}) })) } : {}),
    ...(g.applications ? { applications: g.applications.map((a) => ({ id: a.id, ...(a.label !== undefined ? { displayName: a.label } : {}) })) } : {}),
    ...(g.failover ? { failover: { to: g.failover.to } } : {}),
  }));
  return `${JSON.stringify({ tenant: layout.tenant, prune: layout.prune, connectorGroups: groups }, null, 2)}\n`;
}
