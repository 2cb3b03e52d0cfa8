// The connector timeline in the webview: active connectors per group over time (uPlot: a small
// canvas chart with no eval, so it runs under the strict CSP), outages shaded, the applications at
// risk under the pointer, and the same facts as a table for screen readers and keyboards.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { l10n } from '../../shared/l10n';
import { nameList } from '../../shared/nameList';
import type { FromWebview, TimelineView, ToWebview } from '../../watch/timelineMessages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let view: TimelineView | undefined;
let chart: uPlot | undefined;

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  // Text only: nothing from Graph is ever parsed as HTML.
  node.append(...children);
  return node;
}

/** The theme's own colours, read again whenever the theme changes. */
function palette(): { series: string[]; foreground: string; grid: string; outage: string } {
  const style = getComputedStyle(document.body);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    series: ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-foreground']
      .map((name) => value(name, '#3794ff')),
    foreground: value('--vscode-foreground', '#cccccc'),
    grid: value('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    outage: value('--vscode-charts-red', '#f14c4c'),
  };
}

const time = (seconds: number) => new Date(seconds * 1000).toLocaleString();

/** Who is at risk at a point: groups with one active connector or none, and their applications. */
function atRisk(index: number): string {
  if (!view) return '';
  const parts = view.series.groups.flatMap((group) => {
    const active = group.active[index];
    const applications = view!.applications[group.id] ?? [];
    if (applications.length === 0 || active > 1 || Number.isNaN(active)) return [];
    return [active === 0
      ? l10n.t("'{0}' has no active connector: {1} unreachable", group.name, nameList(applications))
      : l10n.t("'{0}' has one active connector: {1} at risk", group.name, nameList(applications))];
  });
  return parts.length === 0 ? l10n.t('{0}: no application at risk.', time(view.series.times[index])) : `${time(view.series.times[index])}: ${parts.join('; ')}.`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The time axis's tick spacings, in seconds (uPlot's own, from one second up). */
const TIME_STEPS = [1, 5, 10, 15, 30, MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

function drawChart(): void {
  const host = document.getElementById('chart');
  if (!view || !host) return;
  chart?.destroy();
  const colors = palette();
  const { series, outages } = view;
  const max = Math.max(1, ...series.groups.flatMap((g) => g.active.filter((v) => !Number.isNaN(v))));
  const stepped = uPlot.paths.stepped!({ align: 1 });
  const axis = { stroke: colors.foreground, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
  const options: uPlot.Options = {
    width: Math.max(320, host.clientWidth),
    height: 300,
    scales: { x: { time: true }, y: { range: [0, max + 1] } },
    series: [
      { label: l10n.t('Time'), value: (_, v) => (v == null ? '' : time(v)) },
      ...series.groups.map((group, i) => ({ label: group.name, stroke: colors.series[i % colors.series.length], width: 2, paths: stepped, points: { show: false } })),
    ],
    // Whole seconds at the finest: polls are minutes apart, and ':19.500' means nothing to anyone.
    axes: [{ ...axis, incrs: TIME_STEPS }, { ...axis, label: l10n.t('Active connectors'), incrs: [1, 2, 5, 10, 20, 50, 100] }],
    hooks: {
      // Outages shaded behind the lines, in the theme's red.
      drawClear: [(u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.fillStyle = colors.outage;
        // High contrast themes draw on black or white: the band needs more colour to be seen.
        ctx.globalAlpha = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light') ? 0.4 : 0.18;
        for (const outage of outages) {
          const left = u.valToPos(outage.from, 'x', true);
          const right = u.valToPos(outage.to, 'x', true);
          ctx.fillRect(left, bbox.top, Math.max(2, right - left), bbox.height);
        }
        ctx.restore();
      }],
      setCursor: [(u) => {
        const hover = document.getElementById('hover');
        if (hover) hover.textContent = u.cursor.idx == null ? '' : atRisk(u.cursor.idx);
      }],
    },
  };
  chart = new uPlot(options, [series.times, ...series.groups.map((g) => g.active)] as uPlot.AlignedData, host);
}

function table(): HTMLElement {
  if (!view || view.rows.length === 0) return el('p', {}, l10n.t('No change since the record began.'));
  const caption = view.totalRows > view.rows.length
    ? l10n.t('Changes in active connectors: the latest {0} of {1} (Export CSV has every one)', view.rows.length, view.totalRows)
    : l10n.t('Changes in active connectors');
  return el('table', { id: 'changes' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...[l10n.t('Time'), l10n.t('Group'), l10n.t('Active before'), l10n.t('Active after'), l10n.t('Applications at risk')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...view.rows.map((row) => {
      const applications = view!.applications[row.groupId] ?? [];
      const risk = row.after <= 1 && applications.length > 0 ? nameList(applications) : '';
      return el('tr', { class: row.after === 0 ? 'outage' : '' },
        el('td', {}, new Date(row.at).toLocaleString()), el('td', {}, row.group),
        el('td', {}, row.before === undefined ? '' : String(row.before)), el('td', {}, String(row.after)), el('td', {}, risk));
    })));
}

function render(): void {
  if (!view) return;
  const groups = view.series.groups.length === 1 ? view.series.groups[0].name : l10n.t('{0} groups', view.series.groups.length);
  const outageCount = view.outages.length === 1 ? l10n.t('1 outage') : l10n.t('{0} outages', view.outages.length);
  const summary = l10n.t('Active connectors of {0} from {1} to {2}; {3}.', groups, time(view.series.times[0]), time(view.series.times[view.series.times.length - 1]), outageCount);
  document.getElementById('app')!.replaceChildren(
    el('h1', {}, view.title),
    el('div', { class: 'toolbar' }, el('vscode-button', { id: 'export-csv', secondary: '' }, l10n.t('Export CSV'))),
    // The canvas says nothing to a screen reader: the summary does, and the table below has every change.
    el('div', { id: 'chart', role: 'img', 'aria-label': summary }),
    el('p', { id: 'hover', class: 'hover' }),
    el('p', { class: 'summary' }, summary),
    table(),
  );
  document.getElementById('export-csv')!.addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
  drawChart();
}

// VS Code changes the body's class (vscode-light, vscode-dark, vscode-high-contrast…) with the theme.
new MutationObserver(() => drawChart()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
window.addEventListener('resize', () => {
  const host = document.getElementById('chart');
  if (chart && host) chart.setSize({ width: Math.max(320, host.clientWidth), height: 300 });
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  l10n.useBundle(message.bundle);
  if (message.type === 'timeline') {
    view = message.view;
    render();
  } else {
    view = undefined;
    chart?.destroy();
    chart = undefined;
    document.getElementById('app')!.replaceChildren(el('p', {}, message.message));
  }
});

vscode.postMessage({ type: 'ready' });
