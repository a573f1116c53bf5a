/**
 * A plain TCP echo for the namespace plumbing test (tests/lan/lan-netns.test.ts), run inside a
 * laptop's namespace: `--listen ADDR PORT` echoes every connection and prints `listening`;
 * `--connect ADDR PORT MS` sends a line, prints `echo` when it comes back within MS, else `cut`.
 */
import net from 'node:net';

const [mode, address, port, ms] = process.argv.slice(2);
if (mode === '--listen') {
  const server = net.createServer((socket) => socket.pipe(socket));
  server.listen(Number(port), address, () => process.stdout.write('listening\n'));
} else if (mode === '--connect') {
  const socket = net.connect({ host: address!, port: Number(port) });
  const timer = setTimeout(() => {
    process.stdout.write('cut\n');
    process.exit(0);
  }, Number(ms));
  socket.on('connect', () => socket.write('congress\n'));
  socket.on('data', (data) => {
    if (data.toString() === 'congress\n') {
      clearTimeout(timer);
      process.stdout.write('echo\n');
      process.exit(0);
    }
  });
  socket.on('error', (e) => {
    clearTimeout(timer);
    process.stdout.write(`error ${e.message}\n`);
    process.exit(0);
  });
} else {
  process.stderr.write('usage: echo.ts --listen ADDR PORT | --connect ADDR PORT MS\n');
  process.exit(2);
}
