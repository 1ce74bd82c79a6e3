/** Text with the scene's arrow marks: "[2]" or "[C]" become the same numbered/lettered badges the picture shows. */
export function MarkedText({ text }: { text: string }) {
  const parts = text.split(/\[([1-5A-E])\]/);
  return <>{parts.map((p, i) => (i % 2 ? <span key={i} className={`mark-badge ${/\d/.test(p) ? 'sync' : 'async'}`} aria-label={`step ${p}`}>{p}</span> : p))}</>;
}
