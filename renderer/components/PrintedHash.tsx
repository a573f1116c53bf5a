import { groupedHashLines } from '../../core/hash-groups.js';
import styles from './PrintedHash.module.css';

/**
 * A SHA-256 as the paper forms print it and people read it aloud: all 64 hex digits, upper case,
 * in groups of four, two lines of eight (core/hash-groups.ts). The screens show it the same way
 * so that the paper and the screen are compared line by line.
 */
export function PrintedHash(props: { hex: string; className?: string; lineClassName?: string; testId?: string }) {
  return (
    <span className={props.className} data-testid={props.testId} data-value={props.hex} translate="no">
      {groupedHashLines(props.hex).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one hash, in their order
        <span key={i} className={props.lineClassName ?? styles.line}>
          {line}
        </span>
      ))}
    </span>
  );
}
