/**
 * A venue network made of Linux network namespaces (issue 14's tests and bench): one "switch"
 * namespace holding a bridge, and one namespace per laptop joined to it by a veth pair, each
 * laptop with its own 10.231.<net>.<i+1>/24 address. Nothing of it touches the root namespace:
 * every interface is created inside a namespace of ours, the addresses exist only there, there
 * is no route out, and IPv6 is off in each (no link-local addresses, so no neighbour discovery or
 * any other multicast, even inside). A cable is pulled by setting the switch's end of a laptop's
 * veth down: the laptop's end loses carrier and its packets go nowhere, as with a real cable.
 *
 * Needs root and `ip` (iproute2; scripts/setup.mjs installs it). `canMakeNamespaces()` says
 * whether this machine can; the tests skip with its reason when it cannot.
 */
import { type ChildProcess, execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';

const IP = 'ip';

export interface LaptopNet {
  /** The laptop's namespace (`cd<tag>-<i>`). */
  ns: string;
  /** Its address on the venue network (exists only inside its namespace). */
  address: string;
  /** The interface inside the laptop's namespace. */
  iface: string;
  /** The switch's end of its cable, in the switch namespace: what cut/mend set down/up. */
  port: string;
}

export interface VenueNet {
  /** The random tag in every name of this venue (`cd<tag>…`). */
  tag: string;
  switchNs: string;
  bridge: string;
  laptops: LaptopNet[];
  /** Pulls laptop i's cable (the switch's port goes down). */
  cut(i: number): void;
  /** Plugs it in again. */
  mend(i: number): void;
  /** Whether laptop i's cable is plugged in now (as the switch sees its port). */
  plugged(i: number): boolean;
  /** Spawns `cmd args` inside laptop i's namespace. */
  exec(i: number, cmd: string, args: string[], options?: SpawnOptions): ChildProcess;
  /** Kills whatever still runs in the namespaces and removes them (bridge and veths go with them). Idempotent. */
  destroy(): void;
}

const run = (args: string[]) => execFileSync(IP, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

let probed: { ok: boolean; why: string } | null = null;

/** Whether namespaces can be made here (root, `ip` present, `ip netns add` works), and if not why. */
export function canMakeNamespaces(): { ok: boolean; why: string } {
  probed ??= probe();
  return probed;
}

function probe(): { ok: boolean; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'network namespaces are Linux only' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { ok: false, why: 'making network namespaces needs root (run as root, as .ci/run does)' };
  }
  const name = `cdprobe${randomBytes(3).toString('hex')}`;
  try {
    run(['netns', 'add', name]);
  } catch (e) {
    const why =
      e instanceof Error && 'code' in e && e.code === 'ENOENT' ? '`ip` (iproute2) is not installed' : firstLine(e);
    return { ok: false, why: `cannot make a network namespace: ${why}` };
  }
  try {
    run(['netns', 'del', name]);
  } catch {
    // Made but not removable would leave litter; say so rather than go on.
    return { ok: false, why: `made namespace ${name} but could not remove it` };
  }
  return { ok: true, why: '' };
}

let skipSaid = false;
/** Prints once per process why the namespace tests are skipped (vitest hides a bare skip). */
export function sayWhySkipped(what: string): void {
  const { ok, why } = canMakeNamespaces();
  if (ok || skipSaid) return;
  skipSaid = true;
  console.warn(`[issue 14] ${what} skipped: ${why}`);
}

const live = new Set<VenueNet>();
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  // A failing or interrupted test must not leave namespaces behind.
  process.on('exit', () => {
    for (const v of [...live]) v.destroy();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const v of [...live]) v.destroy();
      process.kill(process.pid, signal);
    });
  }
}

/** A switch and `n` laptops on it (n ≤ 250). */
export function makeVenue(n: number): VenueNet {
  if (n < 1 || n > 250) throw new Error(`a venue of ${n} laptops`);
  hookExit();
  const existing = new Set(
    run(['netns', 'list'])
      .split('\n')
      .map((l) => l.split(' ')[0]),
  );
  let tag = '';
  do tag = randomBytes(2).toString('hex');
  while ([...existing].some((name) => name?.startsWith(`cd${tag}-`)));
  const net = randomInt(1, 255);
  const switchNs = `cd${tag}-sw`;
  const bridge = `cdbr${tag}`;
  const laptops: LaptopNet[] = Array.from({ length: n }, (_, i) => ({
    ns: `cd${tag}-${i}`,
    address: `10.231.${net}.${i + 1}`,
    iface: 'eth0',
    port: `cd${tag}s${i}`,
  }));
  const made: string[] = [];
  let destroyed = false;

  const venue: VenueNet = {
    tag,
    switchNs,
    bridge,
    laptops,
    cut: (i) => run(['-n', switchNs, 'link', 'set', laptop(i).port, 'down']),
    mend: (i) => {
      run(['-n', switchNs, 'link', 'set', laptop(i).port, 'up']);
      // The kernel raises the laptop end's carrier a moment later (link watch, up to a second):
      // wait for it, so that "mended" means what a plugged cable with its light on means.
      const until = Date.now() + 5_000;
      while (!/LOWER_UP/.test(run(['-n', laptop(i).ns, '-o', 'link', 'show', laptop(i).iface]))) {
        if (Date.now() > until) throw new Error(`${laptop(i).ns}: no carrier 5 s after mending`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    },
    plugged: (i) => /state UP|<[^>]*\bUP\b/.test(run(['-n', switchNs, '-o', 'link', 'show', laptop(i).port])),
    exec: (i, cmd, args, options = {}) => spawn(IP, ['netns', 'exec', laptop(i).ns, cmd, ...args], options),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      live.delete(venue);
      for (const ns of [...made].reverse()) {
        for (const pid of pidsIn(ns)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Gone already.
          }
        }
        try {
          run(['netns', 'del', ns]);
        } catch {
          // Already gone (a second destroy from the exit hook).
        }
      }
    },
  };
  function laptop(i: number): LaptopNet {
    const l = laptops[i];
    if (!l) throw new Error(`no laptop ${i} in a venue of ${n}`);
    return l;
  }

  live.add(venue);
  try {
    addNamespace(switchNs, made);
    run(['-n', switchNs, 'link', 'add', bridge, 'type', 'bridge']);
    // No IGMP/MLD querier, no snooping traffic of its own: the bridge only forwards.
    run(['-n', switchNs, 'link', 'set', bridge, 'type', 'bridge', 'mcast_snooping', '0']);
    run(['-n', switchNs, 'link', 'set', bridge, 'up']);
    for (const l of laptops) {
      addNamespace(l.ns, made);
      // Made inside the switch's namespace with its other end put straight into the laptop's:
      // neither end ever exists in the root namespace.
      run(['-n', switchNs, 'link', 'add', l.port, 'type', 'veth', 'peer', 'name', l.iface, 'netns', l.ns]);
      run(['-n', switchNs, 'link', 'set', l.port, 'master', bridge]);
      run(['-n', switchNs, 'link', 'set', l.port, 'up']);
      run(['-n', l.ns, 'link', 'set', l.iface, 'addrgenmode', 'none']);
      run(['-n', l.ns, 'addr', 'add', `${l.address}/24`, 'dev', l.iface]);
      run(['-n', l.ns, 'link', 'set', l.iface, 'up']);
      run(['-n', l.ns, 'link', 'set', 'lo', 'up']);
    }
  } catch (e) {
    venue.destroy();
    throw e;
  }
  return venue;
}

function addNamespace(ns: string, made: string[]) {
  run(['netns', 'add', ns]);
  made.push(ns);
  // IPv6 off before any interface arrives: no link-local address, no router solicitation, no MLD.
  try {
    execFileSync(
      IP,
      [
        'netns',
        'exec',
        ns,
        'sh',
        '-c',
        'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    // A kernel without IPv6 has nothing to turn off.
  }
}

function pidsIn(ns: string): number[] {
  try {
    return run(['netns', 'pids', ns])
      .split('\n')
      .filter((l) => /^\d+$/.test(l.trim()))
      .map(Number);
  } catch {
    return [];
  }
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: Buffer; message?: string };
  const text = err.stderr?.toString().trim() || err.message || String(e);
  return text.split('\n')[0] ?? text;
}
