// Colour bands of the batch heatmap. Bands are fixed in nats, not scaled to the data, so the same
// loss has the same colour in every walkthrough; each band is a CSS class (lw-heat-0..7 in
// media/walkthrough.css), since the panel's CSP forbids style attributes. The number is always
// written in the cell too: colour is never the only carrier of the value.
import * as l10n from '@vscode/l10n';
import { formatNumber } from '../core/derivation/format';
import type { LogBase } from '../core/types';

/** Upper bounds (exclusive) of bands 0..6 in nats; band 7 is everything above. ln 2 ≈ 0.69 is a coin flip, −ln 0.1 ≈ 2.3. */
export const HEAT_BOUNDS_NATS = [0.05, 0.1, 0.2, 0.35, 0.69, 1.2, 2.3] as const;

const LN_BASE: Readonly<Record<LogBase, number>> = { e: 1, '2': Math.LN2, '10': Math.LN10 };

/** The band 0..7 of an element loss given in `base`. NaN and +∞ fall in the top band. */
export function heatBand(loss: number, base: LogBase = 'e'): number {
  const nats = loss * LN_BASE[base];
  if (!(nats < Infinity)) return HEAT_BOUNDS_NATS.length;
  let band = 0;
  while (band < HEAT_BOUNDS_NATS.length && nats >= (HEAT_BOUNDS_NATS[band] as number)) band++;
  return band;
}

/** One legend entry per band: its class and its range in the chosen unit. */
export function heatLegend(base: LogBase = 'e'): Array<{ band: number; range: string }> {
  const inBase = (nats: number): string => formatNumber(nats / LN_BASE[base], 2);
  const out: Array<{ band: number; range: string }> = [];
  for (let band = 0; band <= HEAT_BOUNDS_NATS.length; band++) {
    const low = band === 0 ? null : (HEAT_BOUNDS_NATS[band - 1] as number);
    const high = band === HEAT_BOUNDS_NATS.length ? null : (HEAT_BOUNDS_NATS[band] as number);
    const range =
      low === null ? l10n.t`below ${inBase(high ?? 0)}` : high === null ? l10n.t`${inBase(low)} or more` : l10n.t`${inBase(low)} to ${inBase(high)}`;
    out.push({ band, range });
  }
  return out;
}
