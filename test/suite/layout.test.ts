import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Layout } from '../../src/layout/layoutFile';
import { readLayout, writeLayout } from '../../src/layout/layoutFile';
import { stateWords } from '../support/sandboxClient';
import { extensionApi, freshStart, pickLabel, sandboxClient, sandboxTenantNode, script } from './harness';

describe('layout as code: export, edit, preview, apply, resume, undo', () => {
  const sandbox = sandboxClient();
  let folder: string;

  before(() => { folder = mkdtempSync(path.join(os.tmpdir(), 'layouts-')); });
  after(() => rmSync(folder, { recursive: true, force: true }));
  beforeEach(async () => freshStart(await extensionApi(), sandbox));
  afterEach(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function exported(name: string): Promise<{ uri: vscode.Uri; layout: Layout }> {
    const api = await extensionApi();
    const file = path.join(folder, name);
    const prompts = await script(file);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectorGroups.exportLayout', await sandboxTenantNode(api));
    prompts.assertDone();
    // The name proposed is one git and every shell take as it is.
    assert.equal(prompts.asked[0], 'saveAs: contoso-sandbox.connectorgroups.json');
    assert.equal(uri?.fsPath, `${file.replace(/\.json$/, '')}.connectorgroups.json`);
    const read = readLayout(readFileSync(uri.fsPath, 'utf8'));
    assert.ok(read.ok);
    return { uri, layout: read.layout };
  }

  it('asks before an export replaces a layout file the dialog did not name, and keeps it when declined', async () => {
    const api = await extensionApi();
    const { uri } = await exported('replace-me.json');
    writeFileSync(uri.fsPath, '{ "edited": true }\n');
    // The dialog is given 'replace-me' (no suffix): the file written would be replace-me.connectorgroups.json.
    const declined = await script(path.join(folder, 'replace-me'), false);
    await vscode.commands.executeCommand('connectorGroups.exportLayout', await sandboxTenantNode(api));
    declined.assertDone();
    assert.match(declined.asked[1], /^confirm: 'replace-me\.connectorgroups\.json' already exists\. Replace it\?/);
    assert.equal(readFileSync(uri.fsPath, 'utf8'), '{ "edited": true }\n', 'the edited file is kept');
    const replaced = await script(path.join(folder, 'replace-me'), true);
    await vscode.commands.executeCommand('connectorGroups.exportLayout', await sandboxTenantNode(api));
    replaced.assertDone();
    assert.ok(readLayout(readFileSync(uri.fsPath, 'utf8')).ok);
  });

  it('previews the file as saved: unsaved edits are saved first, or nothing is planned', async () => {
    const { uri, layout } = await exported('unsaved.json');
    const document = await vscode.workspace.openTextDocument(uri);
    layout.connectorGroups.find((g) => g.name === 'EU Frankfurt')!.name = 'Europe Frankfurt';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), writeLayout(layout));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    const declined = await script(false);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.previewPlan', uri), undefined);
    declined.assertDone();
    assert.match(declined.asked[0], /^confirm: 'unsaved\.connectorgroups\.json' has changes that are not saved\./);
    assert.ok(document.isDirty, 'nothing saved when declined');
    const accepted = await script(true);
    const preview = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.previewPlan', uri);
    accepted.assertDone();
    assert.ok(!document.isDirty, 'saved before the plan was made');
    assert.ok(preview && preview.steps.length >= 1, 'the plan holds the saved rename');
    assert.match(readFileSync(uri.fsPath, 'utf8'), /Europe Frankfurt/);
  });

  /** The changes Graph was asked for (a `$batch` of reads is not one). */
  async function writesSent() {
    return (await sandbox.settledRequests()).filter((r) => r.method !== 'GET' && !r.url.endsWith('$batch'));
  }

  /** Edits the open file as a person would (in the editor) and saves it. */
  async function save(uri: vscode.Uri, layout: Layout): Promise<void> {
    const text = writeLayout(layout);
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const saved = await document.save();
    // What counts is the file on disk. save() also answers false when it found nothing left to save
    // (a save a moment before took the edit), which a busy machine makes happen.
    for (let tries = 0; tries < 50 && (document.isDirty || readFileSync(uri.fsPath, 'utf8') !== text); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(readFileSync(uri.fsPath, 'utf8'), text, `the edit is on disk (save answered ${saved})`);
    assert.equal(document.isDirty, false);
  }

  /** Two connectors of EU Frankfurt to Default, EU Frankfurt renamed, Helsinki created with Wiki in it. */
  function edit(layout: Layout): Layout {
    const next = structuredClone(layout);
    const group = (name: string) => next.connectorGroups.find((g) => g.name === name)!;
    const eu = group('EU Frankfurt');
    group('Default').connectors!.push(...eu.connectors!.splice(0, 2));
    eu.name = 'Europe Frankfurt';
    const wiki = eu.applications!.splice(eu.applications!.findIndex((a) => a.label === 'Wiki'), 1);
    next.connectorGroups.push({ name: 'Helsinki', region: 'eur', connectors: [], applications: wiki });
    return next;
  }

  /** A layout exported, edited (see edit) and saved, and its plan previewed. */
  async function previewedEdit(name: string): Promise<{ uri: vscode.Uri; layout: Layout; target: Layout }> {
    const { uri, layout } = await exported(name);
    const target = edit(layout);
    await save(uri, target);
    await script();
    await vscode.commands.executeCommand('connectorGroups.previewPlan', uri);
    return { uri, layout, target };
  }

  function layoutWords(layout: Layout): string[] {
    return layout.connectorGroups.map((g) => `${g.name} ${g.region} [${g.connectors!.map((c) => c.id).sort().join(',')}] [${g.applications!.map((a) => a.id).sort().join(',')}]`).sort();
  }

  it('exports a layout, applies an edited one, and the sandbox then equals the file', async () => {
    const { uri, layout } = await exported('contoso.json');
    assert.equal(layout.connectorGroups.length, (await sandbox.state()).groups.filter((g) => g.connectorGroupType === 'applicationProxy').length);
    assert.deepEqual(layoutWords(layout), stateWords(await sandbox.state()));
    const target = edit(layout);
    await save(uri, target);

    const preview = await script();
    const planned = await vscode.commands.executeCommand<{ steps: { kind: string }[] }>('connectorGroups.previewPlan', uri);
    assert.deepEqual(preview.errors, []);
    assert.deepEqual(planned?.steps.map((s) => s.kind), ['create', 'rename', 'moveConnectors', 'assignApplications']);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === uri.toString()), 'the diff of tenant and file is open');
    const planTab = tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'connector-groups-plan');
    assert.ok(planTab, 'the plan is open');
    const planText = (await vscode.workspace.openTextDocument((planTab.input as vscode.TabInputText).uri)).getText();
    assert.match(planText, /\n1\. Create 'Helsinki' in Europe \(eur\)\n {3}POST \/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups\n/);
    // Helsinki has no connector yet: the plan says what that means before anything is sent.
    assert.match(planText, /\nWarning: Wiki will have no active connector in 'Helsinki'\.\n/);
    assert.match(planText, /\n3\. Move FRA-APPPROXY-01\.contoso\.com and FRA-APPPROXY-02\.contoso\.com to 'Default'/);

    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script(true);
    const result = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    prompts.assertDone();
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(result?.outcomes.map((o) => o.state), ['done', 'done', 'done', 'done']);
    assert.match(prompts.infos.join(' '), /Applied 4 steps: the tenant matches contoso\.connectorgroups\.json/);
    const state = await sandbox.state();
    const helsinki = state.groups.find((g) => g.name === 'Helsinki')!;
    target.connectorGroups.at(-1)!.id = helsinki.id;
    assert.deepEqual(stateWords(state), layoutWords(target));
    // The two connectors went in one $batch.
    const writes = await writesSent();
    assert.equal(writes.filter((r) => /members\/\$ref$/.test(r.url)).length, 2);
    assert.equal(new Set(writes.filter((r) => /members\/\$ref$/.test(r.url)).map((r) => r.batchRequestId)).size, 1);

    const compare = await script();
    assert.deepEqual(await vscode.commands.executeCommand('connectorGroups.compareWithTenant', uri), { differences: 0 });
    assert.match(compare.infos[0], /'Contoso \(sandbox\)' matches contoso\.connectorgroups\.json/);

    // One difference is one step, said in the singular.
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${(await sandbox.group('India Pune')).id}`, { body: { name: 'Pune' } });
    await vscode.commands.executeCommand('connectorGroups.refresh');
    const oneOff = await script();
    assert.deepEqual(await vscode.commands.executeCommand('connectorGroups.compareWithTenant', uri), { differences: 1 });
    assert.match(oneOff.infos[0], /differs from contoso\.connectorgroups\.json: 1 step would make it match/);
  });

  it('stops at a fault, says what was done, Resume ends in the file, and Undo restores the tenant', async () => {
    const original = stateWords(await sandbox.state());
    const { target } = await previewedEdit('faulty.json');
    // The rename (step 2) meets a server error that the read-back confirms did not happen.
    await sandbox.faults([{ method: 'PATCH', path: 'connectorGroups/*', status: 500, times: 1 }]);
    const prompts = await script(true);
    const first = await vscode.commands.executeCommand<{ outcomes: { state: string; requestId?: string }[] }>('connectorGroups.applyPlan');
    assert.deepEqual(first?.outcomes.map((o) => o.state), ['done', 'failed', 'notTried', 'notTried']);
    assert.match(prompts.errors[0] ?? '', /Step 2 of 4 failed: Changing 'EU Frankfurt' failed: An internal server error occurred\..* Done: 1; not tried: 2\./);
    const report = await planDocument('faulty', /Done: 1 · failed: 1 · not tried: 2/);
    assert.match(report, /\n2\. \[failed\] Rename 'EU Frankfurt' to 'Europe Frankfurt'/);
    assert.ok(report.includes(first!.outcomes[1].requestId!), 'the report names the request id');
    assert.match(report, /\n4\. \[not tried\] Assign Wiki to 'Helsinki'/);

    // Resume shows what it will send and asks, as Apply does: here exactly what the run left.
    const resuming = await script(true);
    const resumed = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.resumeApply');
    resuming.assertDone();
    assert.match(resuming.asked[0], /^confirm: Resume with 3 steps on 'Contoso \(sandbox\)'\?/);
    assert.match(resuming.confirmDetails[0], /^These are the steps the run did not finish\./);
    assert.deepEqual(resumed?.outcomes.map((o) => o.state), ['done', 'done', 'done']);
    const state = await sandbox.state();
    assert.equal(state.groups.filter((g) => g.name === 'Helsinki').length, 1, 'the group made before the fault is not made again');
    target.connectorGroups.at(-1)!.id = state.groups.find((g) => g.name === 'Helsinki')!.id;
    assert.deepEqual(stateWords(state), layoutWords(target));

    const undo = await script(true);
    const undone = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.undoApply');
    undo.assertDone();
    assert.ok(undone?.outcomes.every((o) => o.state === 'done'));
    assert.deepEqual(stateWords(await sandbox.state()), original);
  });

  it('says when Resume would send more than the run left, because the tenant changed, and sends nothing when declined', async () => {
    await previewedEdit('drifted.json');
    await sandbox.faults([{ method: 'PATCH', path: 'connectorGroups/*', status: 500, times: 1 }]);
    await script(true);
    await vscode.commands.executeCommand('connectorGroups.applyPlan');
    // Meanwhile someone renames a group the file names.
    const pune = await sandbox.group('India Pune');
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${pune.id}`, { body: { name: 'Pune (someone else)' } });
    await sandbox.call('DELETE', '/_sandbox/requests');
    const declined = await script(false);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.resumeApply'), undefined);
    declined.assertDone();
    assert.match(declined.confirmDetails[0], /changed since the run stopped: these steps are planned anew/);
    assert.match(declined.confirmDetails[0], /Rename 'Pune \(someone else\)' to 'India Pune'/);
    assert.deepEqual(await writesSent(), [], 'nothing was sent');
  });

  it('reads the tenant before Undo asks, and says what changed since the run', async () => {
    await previewedEdit('undo-drift.json');
    await script(true);
    const applied = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.ok(applied?.outcomes.every((o) => o.state === 'done'));
    const pune = await sandbox.group('India Pune');
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${pune.id}`, { body: { name: 'Pune (someone else)' } });
    await sandbox.call('DELETE', '/_sandbox/requests');
    const declined = await script(false);
    await vscode.commands.executeCommand('connectorGroups.undoApply');
    declined.assertDone();
    assert.match(declined.confirmDetails[0], /changed since the run \('Pune \(someone else\)'\): Undo takes back the run's changes, not these\./);
    assert.deepEqual(await writesSent(), [], 'nothing was sent');
  });

  it('refuses a layout no order can reach, with the reason, and sends nothing', async () => {
    const { uri, layout } = await exported('refused.json');
    const broken = structuredClone(layout);
    const asia = broken.connectorGroups.find((g) => g.name === 'Asia Singapore')!;
    asia.connectors!.push(broken.connectorGroups.find((g) => g.name === 'EU Frankfurt')!.connectors![0]);
    await save(uri, broken);
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script();
    assert.equal(await vscode.commands.executeCommand('connectorGroups.previewPlan', uri), undefined);
    assert.match(prompts.errors[0] ?? '', /^This layout cannot be applied: The connector FRA-APPPROXY-01\.contoso\.com is listed in 'EU Frankfurt' and in 'Asia Singapore': a connector belongs to exactly one group\./);
    assert.deepEqual(await writesSent(), []);
    // The same file is marked where the connector is listed the second time.
    const document = await vscode.workspace.openTextDocument(uri);
    const marked = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => /listed more than once/.test(d.message)));
    assert.equal(marked.length, 2);
    assert.equal(document.getText(marked[0].range), JSON.stringify(asia.connectors!.at(-1)!.id));
  });

  it('refuses to apply when the tenant changed since the preview', async () => {
    await previewedEdit('changed.json');
    const pune = await sandbox.group('India Pune');
    await sandbox.call('PATCH', `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${pune.id}`, { body: { name: 'Pune (changed elsewhere)' } });
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.applyPlan'), undefined);
    assert.match(prompts.errors[0] ?? '', /'Contoso \(sandbox\)' changed since the preview \('Pune \(changed elsewhere\)'\): nothing was sent\. Preview the plan again\./);
    assert.deepEqual(await writesSent(), []);
  });

  it('refuses to apply a plan whose file changed since the preview, or a plan a newer preview replaced', async () => {
    const { uri, layout } = await previewedEdit('stale.json');
    const firstPlan = vscode.Uri.from({ scheme: 'connector-groups-plan', path: '/Plan – stale.txt' });
    const changedFile = edit(layout);
    changedFile.connectorGroups.at(-1)!.name = 'Oslo';
    await save(uri, changedFile);
    await sandbox.call('DELETE', '/_sandbox/requests');
    const prompts = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.applyPlan', firstPlan), undefined);
    assert.match(prompts.errors[0] ?? '', /stale\.connectorgroups\.json changed since the preview: nothing was sent\. Preview the plan again\./);

    const other = await exported('other.json');
    await save(other.uri, edit(other.layout));
    await script();
    await vscode.commands.executeCommand('connectorGroups.previewPlan', other.uri);
    const again = await script(true);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.applyPlan', firstPlan), undefined);
    assert.match(again.errors[0] ?? '', /This plan was replaced by the preview of other\.connectorgroups\.json: preview stale\.connectorgroups\.json again to apply it\./);
    assert.deepEqual(await writesSent(), []);
  });

  it('refuses a second Apply while the first runs, and the first completes once', async () => {
    await previewedEdit('twice.json');
    await sandbox.options({ latencyMs: 300 });
    const prompts = await script(true);
    const first = vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    await waitFor(() => prompts.asked);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.applyPlan'), undefined);
    assert.match(prompts.errors[0] ?? '', /'Contoso \(sandbox\)' is busy with Apply Plan: wait for it to finish/);
    assert.deepEqual((await first)?.outcomes.map((o) => o.state), ['done', 'done', 'done', 'done']);
    await sandbox.options({ latencyMs: 0 });
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'Helsinki').length, 1);
  });

  it('keeps Undo when the file is previewed again after an Apply, and Undo then restores the start', async () => {
    const original = stateWords(await sandbox.state());
    const { uri } = await previewedEdit('again.json');
    await script(true);
    const applied = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.ok(applied?.outcomes.every((o) => o.state === 'done'));
    // The usual check that nothing is left to do.
    const check = await script();
    const again = await vscode.commands.executeCommand<{ steps: unknown[] }>('connectorGroups.previewPlan', uri);
    assert.deepEqual(check.errors, []);
    assert.deepEqual(again?.steps, []);
    assert.match(await planDocument('again', /Undo still takes back/), /0 steps\./);
    const undo = await script(true);
    const undone = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.undoApply');
    undo.assertDone();
    assert.deepEqual(undo.errors, []);
    assert.ok(undone?.outcomes.every((o) => o.state === 'done'));
    assert.deepEqual(stateWords(await sandbox.state()), original);
  });

  it('refuses Preview and Undo on a tenant while its run works, and the run reports into its own plan', async () => {
    const { uri } = await previewedEdit('busy.json');
    await sandbox.options({ latencyMs: 300 });
    const prompts = await script(true);
    const first = vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    await waitFor(() => prompts.asked);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.previewPlan', uri), undefined);
    assert.equal(await vscode.commands.executeCommand('connectorGroups.undoApply'), undefined);
    assert.equal(prompts.errors.length, 2);
    for (const error of prompts.errors) assert.match(error, /'Contoso \(sandbox\)' is busy with Apply Plan: wait for it to finish/);
    assert.deepEqual((await first)?.outcomes.map((o) => o.state), ['done', 'done', 'done', 'done']);
    await sandbox.options({ latencyMs: 0 });
    assert.match(await planDocument('busy', /Done: 4/), /Run of busy\.connectorgroups\.json on Contoso \(sandbox\)/);
    assert.equal((await sandbox.state()).groups.filter((g) => g.name === 'Helsinki').length, 1);
  });

  it('keeps a snapshot before each run, and Restore from Tenant History… brings the tenant back through a preview', async () => {
    const original = stateWords(await sandbox.state());
    await previewedEdit('history.json');
    await script(true);
    const applied = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    assert.ok(applied?.outcomes.every((o) => o.state === 'done'));
    assert.notDeepEqual(stateWords(await sandbox.state()), original);

    const api = await extensionApi();
    const history = await script((items: readonly vscode.QuickPickItem[]) => {
      assert.equal(items.length, 1, 'one snapshot: the one taken before the Apply');
      assert.match(items[0].description ?? '', /^before Apply Plan of history\.connectorgroups\.json$/);
      return items[0];
    }, pickLabel('Restore…'));
    const planned = await vscode.commands.executeCommand<{ steps: { kind: string }[] }>('connectorGroups.tenantHistory', await sandboxTenantNode(api));
    history.assertDone();
    assert.deepEqual(history.errors, []);
    // Helsinki, made by the run, goes: Wiki back to EU Frankfurt first, then the group is deleted.
    assert.ok(planned?.steps.some((s) => s.kind === 'delete'), JSON.stringify(planned?.steps.map((s) => s.kind)));
    const restore = await script(true);
    const restored = await vscode.commands.executeCommand<{ outcomes: { state: string }[] }>('connectorGroups.applyPlan');
    restore.assertDone();
    assert.ok(restored?.outcomes.every((o) => o.state === 'done'), JSON.stringify(restored?.outcomes));
    assert.deepEqual(stateWords(await sandbox.state()), original);
    assert.equal(api.services.layouts.history.list('sandbox').length, 2, 'the restore took its own snapshot first');
  });

  it('gives a layout file the schema: hover text and completion from it', async () => {
    const { uri } = await exported('schema.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('"prune"') + 2);
    const hovers = await waitFor(async () => (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? []);
    const said = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join(' ');
    assert.match(said, /the file is the whole truth: groups it leaves out are deleted/);
    // A group's region offers the regions the service takes.
    const inRegion = document.positionAt(document.getText().indexOf('"region": "') + '"region": "'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, inRegion);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    for (const region of ['nam', 'eur', 'aus', 'asia', 'ind']) assert.ok(labels.includes(region), labels.join(', '));
  });

  it('marks ids the tenant does not have, and broken values, in the editor', async () => {
    const { uri, layout } = await exported('marked.json');
    const next = structuredClone(layout);
    next.connectorGroups[0].connectors!.push({ id: '0badc0de-0000-4000-8000-000000000000', label: 'GHOST' });
    next.connectorGroups.push({ name: 'Mars Base', region: 'mars' });
    await save(uri, next);
    const unknown = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => /No connector has this id in 'Contoso \(sandbox\)'/.test(d.message)));
    assert.equal(unknown.length, 1);
    // A region Graph would not set is a warning; Tokyo's own 'japan', which the tenant has, is not marked.
    const regions = vscode.languages.getDiagnostics(uri).filter((d) => /is not a region Graph lets a group be set to/.test(d.message));
    assert.deepEqual(regions.map((d) => [d.message.split(' ')[0], d.severity]), [["'mars'", vscode.DiagnosticSeverity.Warning]]);
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), document.getText().replace('"prune": false', '"prune": "no"'));
    await vscode.workspace.applyEdit(edit);
    const broken = await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => /'prune' must be true or false/.test(d.message)));
    assert.equal(document.getText(broken[0].range), '"no"');
    assert.ok(existsSync(uri.fsPath));
  });
});

/** The text of the plan document of this layout once it says `expected` (the tab follows the run). */
async function planDocument(layoutName: string, expected: RegExp): Promise<string> {
  const uri = vscode.Uri.from({ scheme: 'connector-groups-plan', path: `/Plan – ${layoutName}.txt` });
  const [text] = await waitFor(async () => {
    const found = (await vscode.workspace.openTextDocument(uri)).getText();
    return expected.test(found) ? [found] : [];
  });
  assert.match(text ?? '', expected);
  return text;
}

async function waitFor<T>(look: () => T[] | Promise<T[]>, timeoutMs = 5000): Promise<T[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await look();
    if (found.length > 0 || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
