/**
 * What WebKitGTK needs to run and be heard on a machine with no screen and no
 * sound card: an X server (Xvfb; this MiniBrowser has no headless mode), a
 * PulseAudio daemon whose null sink plays in real time (so its monitor
 * records what a listener would hear), and WebKitWebDriver. Each is started
 * here as a child process with a private runtime dir and display, and
 * stopped by `stop()`. The packages come from test/webkit/setup.sh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/** Where X servers put their local sockets (the X11 convention, not a setting of this project). */
const X11_SOCKET_DIRECTORY = '/tmp/.X11-unix';
import { join } from 'node:path';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The null sink PulseAudio makes when there is no sound card; `.monitor` records it. */
export const NULL_SINK = 'auto_null';

export interface WebKitServices {
  /** WebKitWebDriver's base URL, e.g. `http://127.0.0.1:4455`. */
  readonly driverUrl: string;
  /** Environment for tools that talk to this PulseAudio (parec). */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Whether this machine has what setup.sh installs. */
export function webkitInstalled(): boolean {
  return [WEBKIT_DRIVER, MINIBROWSER, '/usr/bin/Xvfb', '/usr/bin/pulseaudio', '/usr/bin/parec'].every((path) =>
    existsSync(path),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`WebKit services: ${what} did not happen within ${timeoutMs} ms`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? -1));
  });
}

/** Starts Xvfb, PulseAudio and WebKitWebDriver on free numbers; throws in words if one will not start. */
export async function startWebKitServices(port = 4455 + (process.pid % 500)): Promise<WebKitServices> {
  const runtimeDir = await mkdtemp(join(tmpdir(), 'aloud-webkit-'));
  const display = `:${90 + (process.pid % 100)}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtimeDir,
    PULSE_RUNTIME_PATH: join(runtimeDir, 'pulse'),
    DISPLAY: display,
    // No accessibility bus here: without this GTK waits for one at start-up.
    NO_AT_BRIDGE: '1',
  };
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await run('pulseaudio', ['--kill'], env);
    await sleep(200);
    await rm(runtimeDir, { recursive: true, force: true });
  };
  try {
    children.push(
      spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { env, stdio: 'ignore' }),
    );
    // An X server is ready once it listens on its local socket: by the X11 convention, display
    // :N listens on the Unix socket named XN in the X sockets directory of the machine it runs on.
    await until(() => existsSync(`${X11_SOCKET_DIRECTORY}/X${display.slice(1)}`), `Xvfb on ${display}`);
    // Runs as root in CI: PulseAudio warns and carries on in per-user mode, which is what we want.
    const pulse = await run(
      'pulseaudio',
      [
        '--start',
        '--exit-idle-time=-1',
        '--daemonize=yes',
        '-n',
        '--load=module-null-sink sink_name=auto_null',
        '--load=module-native-protocol-unix',
      ],
      env,
    );
    if (pulse !== 0) throw new Error(`pulseaudio --start failed (exit ${pulse})`);
    await until(async () => (await run('pactl', ['info'], env)) === 0, 'PulseAudio answering');
    await run('pactl', ['set-default-sink', NULL_SINK], env);

    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
    children.push(driver);
    const driverUrl = `http://127.0.0.1:${port}`;
    await until(async () => {
      const response = await fetch(`${driverUrl}/status`).catch(() => null);
      return response?.ok ?? false;
    }, `WebKitWebDriver on port ${port}`);
    return { driverUrl, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
