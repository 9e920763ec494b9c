// The TypeScript SDK of the golden `paging` spec against a local server that lists seven things
// three at a time (tests/typescript/test_ts_paging.py). Usage: node paging_scenarios.mjs DIST_DIR
// SERVER_URL; before each scenario it GETs /mark/<name>, so the test can split the request lines.
// Prints one JSON object: scenario -> what it saw, or { error }.
import { pathToFileURL } from "node:url";

const [dist, server] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const client = new sdk.PagingSdk({ serverURL: `${server}/v1`, retries: 0 });

const every = async (page) => {
  const ids = [];
  for await (const thing of page) {
    ids.push(thing.id);
  }
  return ids;
};

const scenarios = {
  byPage: async () => every(await client.ext.listByPage({ size: 3 })),
  byOffset: async () => every(await client.ext.listByOffset({ limit: 3 })),
  byOffsetNoLimit: async () => every(await client.ext.listByOffset({ offset: 5 })),
  byCursor: async () => every(await client.ext.listByCursor({ pageSize: 3 })),
  byBodyCursor: async () => every(await client.ext.search({ query: "q" })),
  byLink: async () => every(await client.ext.listByLink()),
  openai: async () => every(await client.inferred.listAfter({ limit: 3 })),
  stripe: async () => every(await client.inferred.listStartingAfter({ limit: 3 })),
  nextCursor: async () => every(await client.inferred.listNextCursor()),
  oneAtATime: async () => {
    const page = await client.inferred.listAfter({ limit: 3 });
    const first = { items: page.items.map((t) => t.id), lastId: page.data.lastId, more: page.hasNextPage() };
    const second = await page.nextPage();
    const sizes = [];
    let last;
    for await (const each of page.iterPages()) {
      sizes.push(each.items.length);
      last = each;
    }
    return {
      first,
      second: second.items.map((t) => t.id),
      sizes,
      lastMore: last.hasNextPage(),
      lastNext: await last.nextPage(),
    };
  },
  failingNextPage: async () => {
    const ids = [];
    try {
      for await (const thing of await client.ext.listByCursor({ pageSize: 2 })) {
        ids.push(thing.id);
      }
    } catch (error) {
      return { ids, error: error.name, status: error.statusCode };
    }
    return { ids };
  },
  raw: async () => {
    const raw = await client.ext.withRawResponse.listByPage({ size: 3 });
    return { status: raw.status, first: raw.data.items.map((t) => t.id), every: await every(raw.data) };
  },
  // A next URL is followed only under the server URL, at a path boundary (a shared prefix such
  // as the server's host name with more after it would send the credentials elsewhere).
  nextUrlBoundary: async () => {
    const { nextCall } = await import(pathToFileURL(`${dist}/lib/pages.js`).href);
    const paging = { kind: "url", results: ["data"], items: ["data"], next: ["next"] };
    const call = { method: "GET", path: "/links", accept: "application/json", security: [] };
    const follow = (url) => {
      try {
        return nextCall(paging, call, { data: [1], next: url }, "https://api.example.com/v1").path;
      } catch (error) {
        return `refused: ${error.message}`;
      }
    };
    return ["/v1/links?p=2", "https://api.example.com/v1/links?p=3", "https://api.example.com.evil/x", "https://api.example.com/v10/x"].map(follow);
  },
};

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  await (await fetch(`${server}/mark/${name}`)).text();
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { error: `${error?.name}: ${error?.message}` };
  }
}
console.log(JSON.stringify(results));
