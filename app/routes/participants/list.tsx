// Placeholder until the journal screens land.
export default function Placeholder() {
  return null;
}
