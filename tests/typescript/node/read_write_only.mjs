// The SDK of tests/typescript/specs/read_write_only.yaml (compiled) against a recording server.
// Usage: node read_write_only.mjs DIST_DIR SERVER_URL; prints one JSON object of the answers.
import { pathToFileURL } from "node:url";

const [dist, server] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const client = new sdk.RwTsSdk({ serverURL: server, retries: 0 });

const user = await client.createUser({ password: "s3cr3t", name: "Ann", friends: [{ password: "p2", name: "Bob" }] });
const team = await client.createTeam({ name: "t", members: [{ password: "p", name: "Ann" }], lead: { password: "q", name: "Cy" } });
const members = await client.putMembers({ requestBody: [{ password: "p", name: "Ann" }] });
await client.createSession({ login: "ann" });
console.log(JSON.stringify({ user, team, members }));
