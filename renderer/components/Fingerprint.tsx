import styles from './Fingerprint.module.css';

/**
 * A key fingerprint (five groups of four digits) large and spaced, so that people can read it
 * aloud group by group and compare it with the one printed on the paper forms.
 */
export function Fingerprint(props: { value: string; testId?: string; size?: 'large' | 'medium' }) {
  const groups = props.value.split(/\s+/).filter(Boolean);
  return (
    <span
      className={`${styles.fingerprint} ${styles[props.size ?? 'large']}`}
      data-testid={props.testId}
      data-value={props.value}
      translate="no"
    >
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the groups are positions of one value
        <span key={i} className={styles.group}>
          {g}
        </span>
      ))}
    </span>
  );
}
