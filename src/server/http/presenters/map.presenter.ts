import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// The 34 provinces for the dashboard's map, trimmed for a slow connection:
// coordinates rounded to 0.001° and points closer than 0.01° (about 1 km, under a
// pixel at dashboard size) to the previous kept one dropped, only code and name kept, feature id = province code.
// Read once per process (static reference data), served gzipped with an ETag.

interface Prepared {
  text: string;
  gzip: Buffer;
  etag: string;
}

const cache = new Map<string, Prepared>();

type Ring = number[][];

function trimRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p = [Math.round((x as number) * 1000) / 1000, Math.round((y as number) * 1000) / 1000];
    const last = out[out.length - 1];
    if (
      !last ||
      Math.abs((last[0] as number) - (p[0] as number)) + Math.abs((last[1] as number) - (p[1] as number)) >= 0.01
    ) {
      out.push(p);
    }
  }
  const first = out[0] as number[];
  const end = out[out.length - 1] as number[];
  if (end[0] !== first[0] || end[1] !== first[1]) out.push([...first]);
  return out.length >= 4 ? out : ring;
}

interface Feature {
  type: "Feature";
  properties: { code: string; name: string; full_name?: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

export function provincesGeoJson(path: string): Prepared {
  const found = cache.get(path);
  if (found) return found;
  const source = JSON.parse(readFileSync(path, "utf8")) as { features: Feature[] };
  const features = source.features.map((f) => ({
    type: "Feature",
    id: f.properties.code,
    properties: {
      code: f.properties.code,
      name: f.properties.name,
      fullName: f.properties.full_name ?? f.properties.name,
    },
    geometry:
      f.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: f.geometry.coordinates.map(trimRing) }
        : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map((poly) => poly.map(trimRing)) },
  }));
  const text = JSON.stringify({ type: "FeatureCollection", features });
  const prepared = {
    text,
    gzip: gzipSync(text),
    etag: `"${createHash("sha256").update(text).digest("hex").slice(0, 16)}"`,
  };
  cache.set(path, prepared);
  return prepared;
}
