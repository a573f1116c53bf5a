/**
 * A station laptop's process for tests/lan/station-backend.test.ts: its link over `<dataDir>`
 * (paired before, by the test), one call made through it, the answer printed as one JSON line;
 * then it waits to be killed.
 *
 *   node --import tsx tests/lan/station-child.ts <dataDir> <channel> <input JSON> <ctx JSON>
 */
import { createStationLink } from '../../db/lan/station/link.js';

const [dataDir, channel, input, ctx] = process.argv.slice(2);
const link = createStationLink({ dataDir: dataDir!, beatMs: 100, callTimeoutMs: 2_500 });
const answer = await link.invoke(channel!, JSON.parse(input!), JSON.parse(ctx!));
process.stdout.write(`${JSON.stringify(answer)}\n`);
setInterval(() => undefined, 60_000);
