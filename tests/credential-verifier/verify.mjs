// Independent verifier: uses only the `jose` package, Node's zlib and the issuer's published JWKS.
// node verify.mjs credential <jwt-file> <jwks-file> <issuer>        -> prints {"valid":true,"id":…,"kid":…,"statusListCredential":…,"statusListIndex":…}
// node verify.mjs status <status-jwt-file> <jwks-file> <issuer> <index> -> prints {"valid":true,"revoked":true|false}
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createLocalJWKSet, jwtVerify } from "jose";

const [mode, jwtFile, jwksFile, issuer, index] = process.argv.slice(2);
const jwt = readFileSync(jwtFile, "utf8").trim();
const jwks = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, "utf8")));

try {
  if (mode === "credential") {
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { issuer, algorithms: ["RS256"], typ: "vc+jwt" });
    const status = payload.credentialStatus ?? {};
    console.log(JSON.stringify({ valid: true, id: payload.id, kid: protectedHeader.kid, types: payload.type,
      statusListCredential: status.statusListCredential, statusListIndex: status.statusListIndex }));
  } else if (mode === "status") {
    const { payload } = await jwtVerify(jwt, jwks, { issuer, algorithms: ["RS256"], typ: "vc+jwt" });
    const encoded = payload.credentialSubject.encodedList;
    if (!encoded.startsWith("u")) throw new Error("encodedList is not multibase base64url");
    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    const i = Number(index);
    console.log(JSON.stringify({ valid: true, revoked: (bits[i >> 3] & (0x80 >> (i & 7))) !== 0, size: bits.length * 8 }));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} catch (e) {
  console.log(JSON.stringify({ valid: false, error: `${e.code ?? e.name}: ${e.message}` }));
  process.exitCode = 1;
}
