#!/usr/bin/env node
// Runs the graphql-http project's server audit suite (GraphQL over HTTP conformance) against a
// running server: node scripts/graphql-http-audit.mjs http://127.0.0.1:8080/graphql
// Every MUST and SHOULD audit must pass; MAY audits are reported only.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: graphql-http-audit.mjs <graphql url>');
  process.exit(2);
}
const results = await auditServer({ url });
const tally = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };
const failures = [];
for (const r of results) {
  const level = r.name.split(' ')[0];
  const ok = r.status === 'ok';
  tally[level][ok ? 0 : 1]++;
  if (!ok && level !== 'MAY') failures.push(r);
}
for (const [level, [ok, bad]] of Object.entries(tally)) {
  console.log(`graphql-http audit ${level}: ${ok} passed, ${bad} failed`);
}
for (const f of failures) {
  console.log(`  FAILED ${f.id} ${f.name}: ${f.reason}`);
}
const passed = tally.MUST[0] + tally.SHOULD[0];
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
