import { type Region, regionOf } from "../country";

export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * Approximate geographic centroids (degrees, rounded to 0.01°) of every country the default
 * rate cards reference, after the public Google DSPL `countries.csv` table.
 */
export const COUNTRY_CENTROIDS: Readonly<Record<string, LatLon>> = {
  AE: { lat: 23.42, lon: 53.85 },
  AT: { lat: 47.52, lon: 14.55 },
  AU: { lat: -25.27, lon: 133.78 },
  BE: { lat: 50.5, lon: 4.47 },
  BG: { lat: 42.73, lon: 25.49 },
  BR: { lat: -14.24, lon: -51.93 },
  CA: { lat: 56.13, lon: -106.35 },
  CH: { lat: 46.82, lon: 8.23 },
  CL: { lat: -35.68, lon: -71.54 },
  CN: { lat: 35.86, lon: 104.2 },
  CY: { lat: 35.13, lon: 33.43 },
  CZ: { lat: 49.82, lon: 15.47 },
  DE: { lat: 51.17, lon: 10.45 },
  DK: { lat: 56.26, lon: 9.5 },
  EE: { lat: 58.6, lon: 25.01 },
  ES: { lat: 40.46, lon: -3.75 },
  FI: { lat: 61.92, lon: 25.75 },
  FR: { lat: 46.23, lon: 2.21 },
  GB: { lat: 55.38, lon: -3.44 },
  GR: { lat: 39.07, lon: 21.82 },
  HK: { lat: 22.4, lon: 114.11 },
  HR: { lat: 45.1, lon: 15.2 },
  HU: { lat: 47.16, lon: 19.5 },
  ID: { lat: -0.79, lon: 113.92 },
  IE: { lat: 53.41, lon: -8.24 },
  IL: { lat: 31.05, lon: 34.85 },
  IN: { lat: 20.59, lon: 78.96 },
  IT: { lat: 41.87, lon: 12.57 },
  JP: { lat: 36.2, lon: 138.25 },
  KR: { lat: 35.91, lon: 127.77 },
  KW: { lat: 29.31, lon: 47.48 },
  LT: { lat: 55.17, lon: 23.88 },
  LU: { lat: 49.82, lon: 6.13 },
  LV: { lat: 56.88, lon: 24.6 },
  MT: { lat: 35.94, lon: 14.38 },
  MX: { lat: 23.63, lon: -102.55 },
  MY: { lat: 4.21, lon: 101.98 },
  NL: { lat: 52.13, lon: 5.29 },
  NO: { lat: 60.47, lon: 8.47 },
  NZ: { lat: -40.9, lon: 174.89 },
  PH: { lat: 12.88, lon: 121.77 },
  PL: { lat: 51.92, lon: 19.15 },
  PT: { lat: 39.4, lon: -8.22 },
  RO: { lat: 45.94, lon: 24.97 },
  SA: { lat: 23.89, lon: 45.08 },
  SE: { lat: 60.13, lon: 18.64 },
  SG: { lat: 1.35, lon: 103.82 },
  SI: { lat: 46.15, lon: 14.99 },
  SK: { lat: 48.67, lon: 19.7 },
  TH: { lat: 15.87, lon: 100.99 },
  TR: { lat: 38.96, lon: 35.24 },
  TW: { lat: 23.7, lon: 120.96 },
  US: { lat: 37.09, lon: -95.71 },
  VN: { lat: 14.06, lon: 108.28 },
  ZA: { lat: -30.56, lon: 22.94 },
};

/** Coarse fallback for a country a tenant's card serves but the table above lacks. */
const REGION_CENTROIDS: Readonly<Record<Region, LatLon>> = {
  EU: { lat: 50, lon: 10 },
  EUROPE: { lat: 50, lon: 15 },
  NORTH_AMERICA: { lat: 40, lon: -100 },
  LATAM: { lat: -10, lon: -60 },
  ASIA: { lat: 30, lon: 105 },
  OCEANIA: { lat: -25, lon: 140 },
  MIDDLE_EAST: { lat: 27, lon: 45 },
  AFRICA: { lat: 5, lon: 20 },
};

export function centroidOf(country: string): { point: LatLon; basis: "country_centroid" | "region_centroid" } {
  const point = COUNTRY_CENTROIDS[country];
  if (point) return { point, basis: "country_centroid" };
  return { point: REGION_CENTROIDS[regionOf(country)], basis: "region_centroid" };
}

const EARTH_MEAN_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in km, rounded to the nearest km. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}
