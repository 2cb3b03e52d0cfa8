// Child processes that are always cleaned up: each leads its own process group, and the whole group is stopped.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import readline from 'node:readline';

const started = new Set();

export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** SIGTERM to the group, then SIGKILL to whatever is left of it a moment later. */
export async function stopGroup(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL');
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export async function stopAll() {
  await Promise.all([...started].map((child) => stopGroup(child)));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void stopAll().then(() => process.exit(130));
  });
}
process.once('exit', () => {
  for (const child of started) killGroup(child.pid, 'SIGKILL');
});

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Reads `KEY=value` lines from a child's stdout until all keys are seen. */
export function readKeys(child, keys, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    const values = {};
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${keys.join(', ')}`)), timeoutMs);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (match) values[match[1]] = match[2];
      if (keys.every((k) => k in values)) {
        clearTimeout(timer);
        resolve(values);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${keys.join(', ')}`)));
  });
}

/**
 * Kills (SIGKILL, as a crash would) the processes of a group whose command line contains `marker`:
 * code-server's extension host runs in the group of the code-server it belongs to. Returns their pids.
 */
export function killInGroup(groupId, marker) {
  const killed = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The group id is the fifth field of stat, after the command in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (group !== groupId || !command.includes(marker)) continue;
      process.kill(Number(entry), 'SIGKILL');
      killed.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return killed;
}
