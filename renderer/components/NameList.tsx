import { Fragment } from 'react';

/**
 * Names (or one line per person: 张三(病假)) joined by the list separator, each in its own
 * `<bdi>`: a direction override inside one name (U+202E, from a file made before the import
 * refused it) ends at that name, instead of turning the rest of the printed line around
 * (甲一、乙二戊、四丁、三丙、五). Storage refuses such characters (core/names.ts); this is the
 * paper's second line of defence.
 */
export function NameList(props: { items: readonly string[]; separator: string; none: string }) {
  if (props.items.length === 0) return <>{props.none}</>;
  return (
    <>
      {props.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: printed once in this order; two delegates may share a name
        <Fragment key={i}>
          {i > 0 && props.separator}
          <bdi>{item}</bdi>
        </Fragment>
      ))}
    </>
  );
}

/** Stands for the list while the sentence is translated; never part of a stored text (core/names.ts refuses \p{Cc}). */
const SLOT = '\u0000';

/**
 * A sentence with a list of names in it (当选 2 名:{names}。), the names as a `NameList`:
 * `sentence` is the translation with its names placeholder filled by what it is given.
 */
export function NamesIn(props: {
  sentence: (names: string) => string;
  items: readonly string[];
  separator: string;
  none?: string;
}) {
  const [before, ...after] = props.sentence(SLOT).split(SLOT);
  return (
    <>
      {before}
      {after.length > 0 && <NameList items={props.items} separator={props.separator} none={props.none ?? ''} />}
      {after.join('')}
    </>
  );
}
