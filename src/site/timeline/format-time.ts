/**
 * Times on a timeline, as people read them: axis ticks (`0`, `30s`, `1m`, `1m30s`, `1h`) and lengths
 * (`<1s`, `14s`, `1m20s`, `2h5m`), the units kubectl uses for ages and back-offs.
 */

/** A tick label: whole seconds in h/m/s, leading units only as needed (`90` → `1m30s`, `3600` → `1h`). */
export function formatAxisTime(seconds: number): string {
  const total = Math.round(seconds);
  if (total === 0) return '0';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

/** A length: `<1s`, whole seconds below 10m (`14s`, `1m20s`), then minutes (`12m`, `2h5m`). */
export function formatLength(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '0s';
  if (seconds < 0.5) return '<1s';
  const total = Math.round(seconds);
  if (total < 600) return formatAxisTime(total);
  const minutes = Math.round(total / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}h${m ? `${m}m` : ''}` : `${m}m`;
}
