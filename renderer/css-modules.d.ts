/** Styles per component (issue 11): `import styles from './X.module.css'`, class names scoped by Vite. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
