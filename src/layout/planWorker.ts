// The plan worker's thread: answers the engine's heavy requests (see planWork) so the extension
// host's thread stays free while a big layout is read, planned or written. Big strings come and
// go in pieces (workerWire). Its sentences are the extension's, translated with the bundle it was
// started with.
import { parentPort, workerData } from 'node:worker_threads';
import { format, l10n } from '../shared/l10n';
import { answer, type WorkRequest } from './planWork';
import { sendAhead, WireStore } from './workerWire';

const bundle = (workerData as { bundle?: Record<string, string> } | undefined)?.bundle;
if (bundle) l10n.use((template, ...args) => format(bundle[template] ?? template, args));

const store = new WireStore();
let refs = 0;
const post = (message: unknown) => parentPort!.postMessage(message);

parentPort?.on('message', (message: { id: number; request: WorkRequest }) => {
  if (store.take(message)) return;
  const { id } = message;
  let value: unknown;
  try {
    value = answer(store.restore(message.request));
  } catch (error) {
    post({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  void sendAhead(value, post, () => refs++, async () => undefined).then((sent) => post({ id, ok: true, value: sent }));
});
