import { SumoBracket } from '../hall/sumo-bracket';

/** A sumo category's playoff bracket, the hall's, reloaded with every standings change. */
export function BracketOverlay({
  name,
  categoryId,
  version,
  fetch,
}: {
  name: string;
  categoryId: string;
  version: number;
  fetch?: typeof globalThis.fetch;
}) {
  return (
    <section className="overlay__panel overlay__bracket">
      <h1 className="overlay__title">{name}</h1>
      <SumoBracket categoryId={categoryId} version={version} fetch={fetch} fallback={null} />
    </section>
  );
}
