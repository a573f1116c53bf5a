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
